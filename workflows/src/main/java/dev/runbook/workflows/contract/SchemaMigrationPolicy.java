package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a schema migration in one environment runs with, resolved once at the start of the run and
 * kept in its history: the environment's shared settings (approvers for proceed-now, heartbeat and
 * timeouts; the target's database name stands where a service would), the database and the schemas
 * it owns (the target lock covers the database), the low-traffic window, the migration's
 * lock_timeout and attempts, the watch after maintenance is off and the validation queries.
 *
 * @param nowOnRequest the requester's proceedNow skips the window even where the environment's
 *     gates are manual (runbook dev's {@code local}: promotions wait for a person, a migration of
 *     the throw-away database need not); false in histories recorded before it existed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaMigrationPolicy(
    EnvironmentPolicy environment,
    String database,
    List<String> schemas,
    LowTrafficWindow window,
    long lockTimeoutSeconds,
    int migrateAttempts,
    long watchSeconds,
    List<String> validationQueries,
    boolean nowOnRequest) {}
