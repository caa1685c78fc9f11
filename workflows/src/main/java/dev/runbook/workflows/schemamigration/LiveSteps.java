package dev.runbook.workflows.schemamigration;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RollbackRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.TaskQueues;
import dev.runbook.workflows.contract.LearnerWriteCaptureActivities;
import dev.runbook.workflows.contract.MaintenanceActivities;
import dev.runbook.workflows.contract.MaintenanceRequest;
import dev.runbook.workflows.contract.MigrateRequest;
import dev.runbook.workflows.contract.MigrationApplied;
import dev.runbook.workflows.contract.MigrationPlan;
import dev.runbook.workflows.contract.MigrationVerified;
import dev.runbook.workflows.contract.MigrationVerifyRequest;
import dev.runbook.workflows.contract.RehearsalRequest;
import dev.runbook.workflows.contract.RehearsalResult;
import dev.runbook.workflows.contract.SchemaMigrationActivities;
import dev.runbook.workflows.contract.SchemaMigrationPolicy;
import dev.runbook.workflows.contract.SnapshotRecord;
import dev.runbook.workflows.contract.SnapshotRequest;
import dev.runbook.workflows.kit.ChildRuns;
import dev.runbook.workflows.kit.Failures;
import dev.runbook.workflows.kit.RollbackTrigger;
import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.StatusTracker;
import dev.runbook.workflows.progressmigration.ProgressCensus;
import dev.runbook.workflows.rollback.RollbackWorkflow;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** The steps of {@link MigrationPath}, each with its status step and the compensation it registers first. */
final class LiveSteps {
  private final RunContext ctx;
  private final ChildRuns children;
  private final SchemaMigrationRequest request;
  private final String previousRelease;
  private SnapshotRequest run;
  private SnapshotRecord snapshot;

  LiveSteps(RunContext ctx, ChildRuns children, SchemaMigrationRequest request, String previousRelease) {
    this.ctx = ctx;
    this.children = children;
    this.request = request;
    this.previousRelease = previousRelease;
  }

  private StatusTracker status() {
    return ctx.status();
  }

  /** Before the snapshot: a write that lands between the two is both in the dump and in the ledger. */
  void startCapture(int step, SnapshotRequest run) {
    this.run = run;
    status().stepRunning(step, "trigger on user_progress → runbook_capture.learner_writes");
    ctx.compensations().add("stop learner-write capture", () ->
        ctx.activities().undo(LearnerWriteCaptureActivities.class, "stop learner-write capture").stopCapture(run));
    var started = ctx.activities().step(LearnerWriteCaptureActivities.class, "start learner-write capture")
        .startCapture(run);
    status().stepState(step, StepState.SUCCEEDED, "trigger " + started.trigger() + " capturing");
  }

  void snapshot(int step, DatabaseStubs stubs, SnapshotRequest run) {
    status().stepRunning(step, "pg_dump -Fc of the owned schemas");
    snapshot = stubs.snapshots("snapshot the database").snapshotDatabase(run);
    status().stepState(step, StepState.SUCCEEDED, snapshot.file() + ", " + snapshot.sizeBytes() + " bytes");
    status().log("snapshot " + snapshot.file() + " taken at " + java.time.Instant.ofEpochMilli(snapshot.takenAtMillis())
        + ", " + snapshot.sizeBytes() + " bytes, " + snapshot.durationMillis() + " ms; restore by hand with: "
        + snapshot.restoreCommand());
  }

  /** The rehearsal's duration is the estimate the window must fit. */
  Duration rehearse(int step, DatabaseStubs stubs, SnapshotRequest run, SchemaMigrationPolicy policy) {
    status().stepRunning(step, "restore the snapshot into a scratch database and migrate it");
    RehearsalResult r = stubs.rehearsal("rehearse the migration on a copy").rehearseMigration(
        new RehearsalRequest(run, request.targetVersion(), policy.validationQueries()));
    status().stepState(step, StepState.SUCCEEDED, "Flyway " + r.fromVersion() + " → " + r.toVersion() + " applied "
        + r.applied() + " in " + r.migrateMillis() + " ms (total " + r.totalMillis() + " ms), "
        + r.validationsPassed() + " validation(s) passed");
    return Duration.ofMillis(Math.max(1000, r.totalMillis()));
  }

  void maintenanceOn(int step, SchemaMigrationPolicy policy) {
    status().stepRunning(step, request.effectiveMessage());
    ctx.compensations().add("maintenance off", () -> ctx.activities()
        .undo(MaintenanceActivities.class, "maintenance off").disableMaintenance(request.environment()));
    ctx.activities().step(MaintenanceActivities.class, "maintenance on")
        .enableMaintenance(new MaintenanceRequest(request.environment(), request.effectiveMessage(), null));
    status().stepState(step, StepState.SUCCEEDED, "learners see: " + request.effectiveMessage());
  }

  /** A statement that fails rolls its file back: the run rolls back (restore) with the database's error. */
  void migrate(int step, DatabaseStubs stubs, SchemaMigrationPolicy policy, MigrationPlan plan) {
    status().stepRunning(step, "Flyway, lock_timeout " + policy.lockTimeoutSeconds() + " s, pending "
        + plan.pending().stream().map(MigrationPlan.PendingMigration::version).toList());
    try {
      MigrationApplied applied = stubs.migration("migrate to " + request.targetVersion()).migrateDatabase(
          new MigrateRequest(request.environment(), request.targetVersion(), policy.lockTimeoutSeconds()));
      status().stepState(step, StepState.SUCCEEDED, "Flyway " + applied.fromVersion() + " → " + applied.toVersion()
          + " applied " + applied.applied() + " in " + applied.durationMillis() + " ms");
    } catch (ActivityFailure e) {
      throw rollbackOn(e, SchemaMigrationActivities.MIGRATION_FAILED, "migration-failed");
    }
  }

  ProgressCensus verify(int step, DatabaseStubs stubs, SchemaMigrationPolicy policy, ProgressCensus before) {
    status().stepRunning(step, "schema version, " + policy.validationQueries().size() + " query(ies), census");
    MigrationVerified verified;
    try {
      verified = stubs.rehearsal("verify the live database").verifyDatabase(new MigrationVerifyRequest(
          request.environment(), request.targetVersion(), policy.validationQueries()));
    } catch (ActivityFailure e) {
      throw rollbackOn(e, SchemaMigrationActivities.VERIFY_FAILED, "verify-failed");
    }
    ProgressCensus after = IntegrityWatch.census(request.environment(), "census after the migration");
    String loss = IntegrityWatch.loss(before, after);
    if (loss != null) {
      throw new RollbackTrigger(IntegrityWatch.RULE, IntegrityWatch.RULE + ": " + loss + " by the migration",
          Workflow.currentTimeMillis());
    }
    status().stepState(step, StepState.SUCCEEDED, verified.schema() + " at " + verified.version() + ", "
        + verified.validationsPassed() + " validation(s) true; progress " + before + " → " + after);
    return after;
  }

  /** The code release as a child CodeDeploy; undone by a child Rollback to what was live before. */
  void release(int step) {
    String service = request.releaseService();
    status().stepRunning(step, "child CodeDeploy " + Procedure.CODE_DEPLOY.workflowId(service, request.environment()));
    RunbookResult result = children.start(Procedure.CODE_DEPLOY.workflowType(), Procedure.CODE_DEPLOY.cliName(),
        Procedure.CODE_DEPLOY.workflowId(service, request.environment()),
        new CodeDeployRequest(service, request.environment(), request.releaseVersion(), request.requestedBy(),
            ctx.workflowId()), this::redeployPrevious).await();
    if (result.outcome() != Outcome.SUCCEEDED) {
      throw new RollbackTrigger("release-" + result.outcome().name().toLowerCase(java.util.Locale.ROOT),
          service + " " + request.releaseVersion() + " ended " + result.outcome() + ": " + result.reason(), null);
    }
    status().stepState(step, StepState.SUCCEEDED, service + " " + request.releaseVersion() + " live");
  }

  private void redeployPrevious() {
    if (previousRelease == null || previousRelease.equals(request.releaseVersion())) {
      status().log("no earlier release of " + request.releaseService() + " to go back to");
      return;
    }
    RollbackWorkflow rollback = Workflow.newChildWorkflowStub(RollbackWorkflow.class, ChildWorkflowOptions.newBuilder()
        .setWorkflowId(Procedure.ROLLBACK.workflowId(request.releaseService(), request.environment()))
        .setTaskQueue(TaskQueues.RUNBOOK).build());
    RunbookResult back = rollback.rollback(new RollbackRequest(request.releaseService(), request.environment(),
        previousRelease, "schema migration " + ctx.workflowId() + " restores its snapshot", request.requestedBy(),
        ctx.workflowId()));
    if (back.outcome() != Outcome.SUCCEEDED) {
      throw ApplicationFailure.newNonRetryableFailure("rollback of " + request.releaseService() + " to "
          + previousRelease + " ended " + back.outcome() + ": " + back.reason(), "ReleaseRollbackFailed");
    }
    status().log(request.releaseService() + " back on " + previousRelease);
  }

  /** Go-live: maintenance off, after registering "maintenance on" for a restore that may follow. */
  void maintenanceOff(int step) {
    status().stepRunning(step, "learners back");
    ctx.compensations().add("maintenance on for the restore", () -> ctx.activities()
        .undo(MaintenanceActivities.class, "maintenance on for the restore")
        .enableMaintenance(new MaintenanceRequest(request.environment(), "Restoring the platform: back in a few"
            + " minutes. Your progress is safe.", null)));
    ctx.activities().step(MaintenanceActivities.class, "maintenance off").disableMaintenance(request.environment());
    status().stepState(step, StepState.SUCCEEDED, "off");
  }

  void stopCapture() {
    ctx.activities().step(LearnerWriteCaptureActivities.class, "stop learner-write capture").stopCapture(run);
  }

  String snapshotFile() {
    return snapshot == null ? null : snapshot.file();
  }

  private RuntimeException rollbackOn(ActivityFailure e, String type, String trigger) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af && type.equals(af.getType())) {
        return new RollbackTrigger(trigger, Failures.rootMessage(e), null);
      }
    }
    return e;
  }

}
