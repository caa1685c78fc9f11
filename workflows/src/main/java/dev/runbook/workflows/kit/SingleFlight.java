package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.contract.LockHolder;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * At most one run changes a target at a time, whatever its workflow id and procedure: the run takes
 * its {@link TargetLock} before anything moves. Runs started before the lock existed replay the
 * older check on business-key workflow ids ({@link #refuseWhileRunning}), which a free workflow id
 * from the Temporal UI could bypass.
 */
public final class SingleFlight {
  static final String SINGLE_FLIGHT_ACROSS_PROCEDURES = "single-flight-across-procedures";
  static final String TARGET_LOCK = "target-lock";

  private final RunContext ctx;
  private final RunRecorder recorder;

  public SingleFlight(RunContext ctx, RunRecorder recorder) {
    this.ctx = ctx;
    this.recorder = recorder;
  }

  /**
   * Takes {@code target} ({@link dev.runbook.workflows.contract.TargetPaths}) for this run, or ends
   * it REFUSED naming the holder. Returns the runs it pre-empted (empty when none), or null for a
   * run started before target locks, which checked {@code legacyOthers} by workflow id instead.
   */
  public List<LockHolder> take(String target, Preemption preemption, Procedure... legacyOthers) {
    if (Workflow.getVersion(TARGET_LOCK, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      if (legacyOthers.length > 0) {
        refuseWhileRunning(legacyOthers);
      }
      return null;
    }
    TargetLock lock = TargetLock.forThisRun(TargetLock::activities, ctx.procedure().cliName(),
        ctx.status().requestedBy());
    ctx.targetLock(lock);
    try {
      if (preemption.preempts().isEmpty()) {
        lock.acquire(List.of(target), preemption.preemptible());
        return List.of();
      }
      List<LockHolder> preempted = lock.acquireOrPreempt(List.of(target), preemption.preemptible(),
          preemption.preempts(), RunbookActivities.runControlStub("pre-empt the holder of " + target),
          ctx.status().requestedBy(), preemption.reason());
      preempted.forEach(h -> ctx.status().log("pre-empted " + h.workflowId() + " (" + h.procedure() + ")"));
      return preempted;
    } catch (ApplicationFailure refused) {
      if (!TargetLock.TARGET_LOCKED.equals(refused.getType())) {
        throw refused;
      }
      throw recorder.refuse(refused.getOriginalMessage(), Refusal.TARGET_LOCKED);
    } catch (ActivityFailure e) {
      throw recorder.failBeforeStart("could not take the lock on " + target + ": " + Failures.rootMessage(e)
          + "; nothing was changed, start it again", "TargetLockUnavailable");
    }
  }

  /** Fails the run ("RunInProgress") when a run of one of {@code others} changes the same target. */
  public void refuseWhileRunning(Procedure... others) {
    if (Workflow.getVersion(SINGLE_FLIGHT_ACROSS_PROCEDURES, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return;
    }
    for (Procedure other : others) {
      String id = other.workflowId(ctx.service(), ctx.environment());
      String running = ctx.activities().runControl("check " + id).describeRunning(id);
      if (running != null) {
        throw recorder.refuse(ctx.service() + " in " + ctx.environment() + " is being changed by " + id + " ("
            + running + "); start again when it has finished", Refusal.RUN_IN_PROGRESS);
      }
    }
  }
}
