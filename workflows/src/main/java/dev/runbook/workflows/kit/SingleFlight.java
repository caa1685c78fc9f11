package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Procedure;
import io.temporal.workflow.Workflow;

/**
 * Business keys differ per procedure (deploy:, emergency:, rollback:), so Temporal alone cannot
 * stop a code deploy from starting while an emergency deploy or a rollback of the same service and
 * environment runs: refuse it here, before anything moves. Added after the first release of the
 * workflows, hence behind a version marker.
 */
public final class SingleFlight {
  static final String SINGLE_FLIGHT_ACROSS_PROCEDURES = "single-flight-across-procedures";

  private final RunContext ctx;
  private final RunRecorder recorder;

  public SingleFlight(RunContext ctx, RunRecorder recorder) {
    this.ctx = ctx;
    this.recorder = recorder;
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
            + running + "); start again when it has finished", "RunInProgress");
      }
    }
  }
}
