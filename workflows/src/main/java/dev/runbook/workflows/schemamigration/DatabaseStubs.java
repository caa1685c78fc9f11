package dev.runbook.workflows.schemamigration;

import dev.runbook.workflows.contract.LearnerWriteCaptureActivities;
import dev.runbook.workflows.contract.SchemaMigrationActivities;
import dev.runbook.workflows.contract.SchemaMigrationPolicy;
import dev.runbook.workflows.contract.SnapshotActivities;
import dev.runbook.workflows.kit.StepBoundary;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity options for the database work, which takes as long as the database is big: dumps,
 * restores and migrations get hours, and a dead worker is noticed after one heartbeat timeout
 * (they heartbeat while their tool runs) and the step resumes elsewhere. Forward steps are not
 * started once the run is being stopped ({@link StepBoundary}); undo steps must get through.
 */
final class DatabaseStubs {
  private static final Duration LONG = Duration.ofHours(6);
  private static final RetryOptions RETRY = RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
      .setBackoffCoefficient(2).setMaximumInterval(Duration.ofSeconds(30)).setMaximumAttempts(5).build();

  private final SchemaMigrationPolicy policy;

  DatabaseStubs(SchemaMigrationPolicy policy) {
    this.policy = policy;
  }

  SnapshotActivities snapshots(String summary) {
    return StepBoundary.step(SnapshotActivities.class, Workflow.newActivityStub(SnapshotActivities.class,
        options(summary, RETRY)));
  }

  /** The restore is the undo of the whole run: it is retried far longer than a forward step. */
  SnapshotActivities restore(String summary) {
    return Workflow.newActivityStub(SnapshotActivities.class, options(summary,
        RETRY.toBuilder().setMaximumAttempts(30).build()));
  }

  LearnerWriteCaptureActivities reapply(String summary) {
    return Workflow.newActivityStub(LearnerWriteCaptureActivities.class, options(summary,
        RETRY.toBuilder().setMaximumAttempts(30).setDoNotRetry(LearnerWriteCaptureActivities.PROGRESS_LOST).build()));
  }

  SchemaMigrationActivities rehearsal(String summary) {
    return StepBoundary.step(SchemaMigrationActivities.class, Workflow.newActivityStub(SchemaMigrationActivities.class,
        options(summary, RETRY)));
  }

  /**
   * The live migration: a statement that waits longer than the lock_timeout rolls its file back
   * and is tried again, at most the environment's migrate attempts; any other failure is final.
   */
  SchemaMigrationActivities migration(String summary) {
    return StepBoundary.step(SchemaMigrationActivities.class, Workflow.newActivityStub(SchemaMigrationActivities.class,
        options(summary, RETRY.toBuilder().setMaximumAttempts(Math.max(1, policy.migrateAttempts()))
            .setDoNotRetry(SchemaMigrationActivities.MIGRATION_FAILED).build())));
  }

  private ActivityOptions options(String summary, RetryOptions retry) {
    return ActivityOptions.newBuilder().setStartToCloseTimeout(LONG)
        .setHeartbeatTimeout(Duration.ofSeconds(Math.max(10, policy.environment().heartbeatTimeoutSeconds())))
        .setRetryOptions(retry).setSummary(summary).build();
  }
}
