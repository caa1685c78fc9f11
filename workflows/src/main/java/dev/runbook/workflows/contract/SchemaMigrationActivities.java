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

  /**
   * Rehearses on a copy: checks as {@link #checkMigration}, restores the run's snapshot into a
   * scratch database, migrates the copy to the target with Flyway, runs the validation queries and
   * drops the copy, whatever happened. Its duration is the estimate for the real migration. A
   * migration that fails on the copy is a non-retryable {@link MigrationRefusal#REHEARSAL_FAILED}
   * with the database's error; the live database is never touched. Idempotent by run.
   */
  @ActivityMethod
  RehearsalResult rehearseMigration(RehearsalRequest request);
}
