package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a migration to {@code targetVersion} would apply: the pending migrations up to and
 * including the target, in order. {@code currentVersion} null: the schema has no migration yet.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationPlan(String schema, String currentVersion, String targetVersion, List<PendingMigration> pending) {

  /** One migration file that is not applied yet. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PendingMigration(String version, String description, String script) {}
}
