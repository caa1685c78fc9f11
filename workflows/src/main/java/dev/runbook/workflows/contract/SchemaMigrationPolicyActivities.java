package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The schema-migration section of an environment's configuration, for the workflow to keep. */
@ActivityInterface
public interface SchemaMigrationPolicyActivities {

  /**
   * The environment's schema-migration policy. An environment without a schema-migration section
   * fails non-retryably ({@link #NO_SCHEMA_MIGRATION}) naming the section to add. Read-only: safe
   * to repeat, nothing to undo.
   */
  @ActivityMethod
  SchemaMigrationPolicy resolveSchemaMigrationPolicy(String environment);

  String NO_SCHEMA_MIGRATION = "NoSchemaMigrationTarget";
}
