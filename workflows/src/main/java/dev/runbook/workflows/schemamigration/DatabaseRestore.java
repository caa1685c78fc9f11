package dev.runbook.workflows.schemamigration;

import dev.runbook.workflows.contract.ReapplyResult;
import dev.runbook.workflows.contract.RestoreResult;
import dev.runbook.workflows.contract.SnapshotRequest;
import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.RunRecorder;
import dev.runbook.workflows.kit.StatusTracker;

/**
 * The undo of a migration that may have touched the live database: restore the run's snapshot
 * (the owned schemas only, in one transaction), then write back every learner write captured since
 * just before the snapshot and check per learner that XP and completions are at least what the
 * snapshot held plus what they earned since ({@code ProgressLost} otherwise: the compensation fails,
 * the run ends FAILED and pages). Then opens an incident: a restore is one, whatever caused it.
 * Runs while maintenance is on (the compensation before it turned it on again if needed).
 */
final class DatabaseRestore implements Runnable {
  private final RunContext ctx;
  private final RunRecorder recorder;
  private final DatabaseStubs stubs;
  private final SnapshotRequest run;
  private final String targetVersion;

  DatabaseRestore(RunContext ctx, RunRecorder recorder, DatabaseStubs stubs, SnapshotRequest run, String targetVersion) {
    this.ctx = ctx;
    this.recorder = recorder;
    this.stubs = stubs;
    this.run = run;
    this.targetVersion = targetVersion;
  }

  @Override
  public void run() {
    StatusTracker status = ctx.status();
    RestoreResult restored = stubs.restore("restore the snapshot").restoreSnapshot(run);
    status.log("restored " + restored.schemas() + " from " + restored.file() + " in " + restored.durationMillis()
        + " ms");
    ReapplyResult reapplied = stubs.reapply("re-apply learner writes since the snapshot").reapplyCapturedWrites(run);
    status.log("learner writes re-applied: " + reapplied);
    recorder.openIncident(2, "schema migration of " + ctx.environment() + " to " + targetVersion
        + " was restored from its snapshot; learner writes re-applied (" + reapplied + ")");
  }
}
