package dev.runbook.activities.migration;

import dev.runbook.workflows.contract.SchemaMigrationPolicy;
import dev.runbook.workflows.contract.SchemaMigrationPolicyActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;

/** See {@link SchemaMigrationPolicyActivities}: the policies the worker resolved from its checked configuration. */
public final class SchemaMigrationPolicies implements SchemaMigrationPolicyActivities {
  private final Map<String, SchemaMigrationPolicy> byEnvironment;

  public SchemaMigrationPolicies(Map<String, SchemaMigrationPolicy> byEnvironment) {
    this.byEnvironment = Map.copyOf(byEnvironment);
  }

  @Override
  public SchemaMigrationPolicy resolveSchemaMigrationPolicy(String environment) {
    SchemaMigrationPolicy policy = environment == null ? null : byEnvironment.get(environment);
    if (policy == null) {
      throw ApplicationFailure.newNonRetryableFailure("environment '" + environment + "' has no schema-migration"
          + " section (runbook.environments." + environment + ".schema-migration) naming its target database;"
          + " environments with one: " + byEnvironment.keySet().stream().sorted().toList(), NO_SCHEMA_MIGRATION);
    }
    return policy;
  }
}
