package dev.runbook.workflows.progressmigration;

import io.temporal.activity.ActivityInterface;

/** The progress store of an environment: learners' progress documents ({@code user_progress}). */
@ActivityInterface
public interface ProgressMigrationActivities {

  /**
   * Read-only: the environment's progress store, the document schema the registered steps reach,
   * and a census. Refuses non-retryably an unknown environment ({@code UnknownEnvironment}) and one
   * without a progress store ({@code NoProgressStore}).
   */
  ProgressMigrationPlan planProgressMigration(String environment);

  /**
   * Migrates every document behind the current schema, in keyset batches ordered by user id. Each
   * batch is one transaction: its documents are written compare-and-set on their revision (a
   * learner's concurrent write wins and the document is migrated again from it, so no write is
   * lost) together with its row in the batch ledger, keyed by (run key, batch number): a batch is
   * applied at most once per run. Heartbeats carry the checkpoint; a retry after a worker crash
   * resumes after the last batch its checkpoint or the ledger records. Idempotent by run key.
   * A document no registered step can read fails it non-retryably ({@code ProgressDocumentUnreadable});
   * the batches before it stay applied (they are valid documents of the current schema).
   */
  ProgressMigrationReport migrateProgressDocuments(ProgressMigrationTask task);

  /** Read-only census of the environment's progress table. */
  ProgressCensus countProgress(String environment);
}
