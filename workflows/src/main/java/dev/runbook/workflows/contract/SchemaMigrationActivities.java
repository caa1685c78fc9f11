package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Flyway against an environment's target database, its owned schema and its migrations folder. */
@ActivityInterface
public interface SchemaMigrationActivities {

  /**
   * Checks, without changing anything, that the target version exists among the migrations, is
   * above the database's current version, and that every applied migration's checksum still
   * matches its file (Flyway validate, pending migrations allowed); answers the plan. Refusals are
   * non-retryable {@link MigrationRefusal}s; an unreachable database is retried. Read-only, so
   * idempotent; nothing to undo.
   */
  @ActivityMethod
  MigrationPlan checkMigration(MigrationCheckRequest request);
}
