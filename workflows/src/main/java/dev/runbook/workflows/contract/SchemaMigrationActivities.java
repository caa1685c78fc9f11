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

  /**
   * Migrates the live database to the target with Flyway, each migration in its own transaction and
   * each statement under the request's {@code lock_timeout}: a statement that waits longer for a
   * lock fails retryably ({@link #LOCK_TIMEOUT}; the file's transaction rolled back, the next
   * attempt starts it again) instead of queueing every reader behind it. A statement that fails
   * for any other reason is a non-retryable {@link #MIGRATION_FAILED} with the database's error;
   * its file is rolled back, earlier files of the same run stay applied (the snapshot undoes them).
   * Idempotent by target: a database already at the target is answered with nothing applied.
   * Undone by restoring the run's snapshot.
   */
  @ActivityMethod
  MigrationApplied migrateDatabase(MigrateRequest request);

  /**
   * Reads the live database after a migration: its schema version must be the target (Flyway's
   * current version, the release name resolved as for {@link #migrateDatabase}) and each validation
   * query must answer one true row. A mismatch or a false query fails non-retryably
   * ({@link #VERIFY_FAILED}) naming it; an unreachable database is retried. Read-only, nothing to undo.
   */
  @ActivityMethod
  MigrationVerified verifyDatabase(MigrationVerifyRequest request);

  /** Retryable failure type: a statement gave up waiting for a lock. */
  String LOCK_TIMEOUT = "MigrationLockTimeout";
  /** Non-retryable failure type: a migration statement failed; the message carries the database's error. */
  String MIGRATION_FAILED = "MigrationFailed";
  /** Non-retryable failure type: the live database is not at the target or a validation query is not true. */
  String VERIFY_FAILED = "MigrationVerifyFailed";
}
