package dev.runbook.workflows.schemamigration;

import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.MigrationPlan;
import dev.runbook.workflows.contract.SchemaMigrationPolicy;
import dev.runbook.workflows.contract.SnapshotRequest;
import dev.runbook.workflows.kit.ChildRuns;
import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.RunRecorder;
import dev.runbook.workflows.kit.StatusTracker;
import dev.runbook.workflows.kit.WindowWait;
import dev.runbook.workflows.progressmigration.ProgressCensus;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The forward path of a schema migration, one status step per phase. Each compensation is
 * registered before the step it undoes, so the saga undoes in reverse: maintenance on again, the
 * previous code back, the snapshot restored with learner writes re-applied, maintenance off, the
 * capture stopped. Before maintenance goes on nothing but the capture trigger has changed.
 */
final class MigrationPath {
  private final RunContext ctx;
  private final RunRecorder recorder;
  private final SchemaMigrationPolicy policy;
  private final SchemaMigrationRequest request;
  private final MigrationPlan plan;
  private final DatabaseStubs stubs;
  private final LiveSteps live;
  private final SnapshotRequest run;

  MigrationPath(RunContext ctx, RunRecorder recorder, ChildRuns children, SchemaMigrationPolicy policy,
      SchemaMigrationRequest request, MigrationPlan plan, String previousRelease) {
    this.ctx = ctx;
    this.recorder = recorder;
    this.policy = policy;
    this.request = request;
    this.plan = plan;
    this.stubs = new DatabaseStubs(policy);
    this.run = new SnapshotRequest(request.environment(), Workflow.getInfo().getWorkflowId(),
        Workflow.getInfo().getRunId());
    this.live = new LiveSteps(ctx, children, request, previousRelease);
  }

  String forward() {
    StatusTracker status = ctx.status();
    int capture = status.addStep("Capture learner writes");
    int snapshot = status.addStep("Snapshot " + policy.schemas());
    int rehearse = status.addStep("Rehearse on a copy");
    int window = status.addStep("Wait for the low-traffic window " + policy.window());
    int maintenanceOn = status.addStep("Maintenance on");
    int migrate = status.addStep("Migrate to " + request.targetVersion());
    int verify = status.addStep("Verify schema, validation queries and progress");
    int release = request.hasRelease()
        ? status.addStep("Deploy " + request.releaseService() + " " + request.releaseVersion()) : -1;
    int maintenanceOff = status.addStep("Maintenance off");
    int watch = status.addStep("Watch learner-progress integrity for " + Durations.human(policy.watchSeconds()));

    status.phase(Phase.MIGRATING, "capturing learner writes, then the snapshot");
    live.startCapture(capture, run);
    live.snapshot(snapshot, stubs, run);
    Duration estimate = live.rehearse(rehearse, stubs, run, policy);

    status.stepRunning(window, "estimate " + Durations.human(estimate.toSeconds()) + " plus margin");
    WindowWait.Ended waited = new WindowWait(ctx, recorder).await(window, "low-traffic window", policy.window(),
        estimate, request.proceedsNow());
    recorder.saveApprovals();
    status.stepState(window, StepState.SUCCEEDED, waited.proceedNow()
        ? "proceed-now by " + waited.approver() : "inside the window");

    status.phase(Phase.MIGRATING, "maintenance on: " + request.effectiveMessage());
    live.maintenanceOn(maintenanceOn, policy);
    ProgressCensus before = IntegrityWatch.census(request.environment(), "census before the migration");
    // the live database may change from here: a failure, abort or rule restores the snapshot
    ctx.compensations().add("restore the snapshot and re-apply learner writes",
        new DatabaseRestore(ctx, recorder, stubs, run, request.targetVersion()));
    live.migrate(migrate, stubs, policy, plan);
    ProgressCensus after = live.verify(verify, stubs, policy, before);
    if (release >= 0) {
      live.release(release);
    }
    live.maintenanceOff(maintenanceOff);

    ProgressCensus watched = new IntegrityWatch(ctx).watch(watch, "learner-progress integrity", after,
        policy.watchSeconds(), Math.max(1, policy.environment().pollSeconds()));
    recorder.saveApprovals();
    ctx.pointOfNoReturn("the migration to " + request.targetVersion() + " is done and watched; a snapshot restore"
        + " is a new decision now (its file stays: " + live.snapshotFile() + ")");
    live.stopCapture();
    ctx.status().live(null, request.targetVersion());
    return policy.schemas() + " of " + request.environment() + " at " + request.targetVersion()
        + (request.hasRelease() ? " with " + request.releaseService() + " " + request.releaseVersion() : "")
        + "; learner progress " + watched;
  }
}
