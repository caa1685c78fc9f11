package dev.runbook.workflows.progressmigration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import java.util.List;

/**
 * What a progress migration will do, read before anything changes (so it lands in history).
 *
 * @param policy the environment's shared settings ({@code service} is the table, {@code platform}
 *     the progress store), for the run's record, approvers and timeouts
 * @param targetSchemaVersion the document schema every document ends at ("1.0")
 * @param steps one line per registered step ("0.9 → 1.0: ...")
 * @param before the census before the first batch
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressMigrationPlan(EnvironmentPolicy policy, String targetSchemaVersion, List<String> steps,
    ProgressCensus before) {}
