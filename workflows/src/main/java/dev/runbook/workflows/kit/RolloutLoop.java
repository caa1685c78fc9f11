package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.WatchVerdict;
import java.util.List;

/**
 * Runs the policy's rollout steps ({@code policy.rollout()}): move to each weight ({@link StepAction}), watch it, and pass
 * its gate (a manual gate, or an inconclusive window, waits for a promote; {@code promote --full}
 * skips the intermediate steps). The target is watched against its stable baseline; after the last
 * step there is no baseline left.
 */
public final class RolloutLoop {
  private final RunContext ctx;
  private final WatchWindow window;
  private final ApprovalStep approvals;

  public RolloutLoop(RunContext ctx, WatchWindow window, ApprovalStep approvals) {
    this.ctx = ctx;
    this.window = window;
    this.approvals = approvals;
  }

  /** @param stepIndex the status step of each rollout step */
  public void rollOut(int[] stepIndex, ServiceTarget target, StepAction action) {
    StatusTracker status = ctx.status();
    List<RolloutStep> steps = ctx.policy().rollout().steps();
    for (int i = 0; i < steps.size(); i++) {
      RolloutStep step = steps.get(i);
      int index = stepIndex[i];
      boolean last = i == steps.size() - 1;
      if (ctx.gate().fullPromotion() && !last) {
        status.stepState(index, StepState.SKIPPED, "skipped by promote --full");
        continue;
      }
      status.stepRunning(index, action.describe(step));
      action.apply(step, last);
      ServiceTarget watched = last ? ServiceTarget.alone(target.colour(), target.version()) : target;
      String label = action.label(step);
      WatchVerdict verdict = step.watchSeconds() > 0 ? window.watch(index, label, watched, step.watchSeconds()) : null;
      if (!window.personDecidesIfInconclusive(index, label, verdict)
          && !last && step.gate() && ctx.policy().approval().manual()) {
        approvals.await(index, label, label + " healthy; waiting for promotion");
      }
      status.stepState(index, StepState.SUCCEEDED, stepSummary(verdict, index));
    }
  }

  private String stepSummary(WatchVerdict verdict, int index) {
    ApprovalGate gate = ctx.gate();
    if (gate.promotion(index) != null) {
      return "promoted by " + gate.promotion(index).approver();
    }
    return verdict == null ? "done" : verdict.reason();
  }
}
