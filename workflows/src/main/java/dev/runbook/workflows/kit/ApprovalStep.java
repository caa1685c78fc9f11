package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import dev.runbook.workflows.contract.GateNotice;
import dev.runbook.workflows.contract.Severity;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Holds a run at any status step until a person decides (a promote of that step, or a full
 * promotion), applying the environment's timeout policy: remind and hold, or roll back. Placed
 * after a rollout step, after an inconclusive watch, or before any step that needs a go-ahead.
 */
public final class ApprovalStep {
  private final RunContext ctx;
  private final RunRecorder recorder;

  public ApprovalStep(RunContext ctx, RunRecorder recorder) {
    this.ctx = ctx;
    this.recorder = recorder;
  }

  /** A promote of {@code step} (or an earlier {@code promote --full}) passes. */
  public void await(int step, String label, String why) {
    await(step, label, why, false, ApprovalWording.PROMOTE);
  }

  /**
   * @param personMustDecide the window was inconclusive: only a promote of this very step passes
   *     it, an earlier {@code --full} does not (bad metric data never promotes by itself)
   */
  public void await(int step, String label, String why, boolean personMustDecide, ApprovalWording wording) {
    ApprovalGate gate = ctx.gate();
    StatusTracker status = ctx.status();
    if (gate.promoted(step) || (!personMustDecide && gate.fullPromotion())) {
      gate.close();
      return;
    }
    ApprovalPolicy approval = ctx.policy().approval();
    gate.open(step, label);
    status.phase(Phase.AWAITING_APPROVAL, why);
    status.stepState(step, StepState.WAITING, why);
    status.waitingFor(wording.decision() + " of step " + (step + 1) + " (" + label + ")", approval.approvers());
    GateNotice notice = new GateNotice(step + 1, label, wording.decision(), approval.approvers());
    // unique within the run, so receivers can drop a repeated delivery of this very message
    String event = "awaiting-" + wording.decision() + ":step-" + (step + 1)
        + (personMustDecide ? ":inconclusive" : "");
    recorder.notify(Severity.INFO, event, ctx.service() + " waits for approval in " + ctx.environment(),
        why + ". " + wording.howTo(ctx.workflowId()), notice);
    int reminders = 0;
    long startedAt = Workflow.currentTimeMillis();
    long deadline = startedAt + approval.timeoutSeconds() * 1000L;
    while (true) {
      long now = Workflow.currentTimeMillis();
      long waitMillis = now < deadline ? deadline - now : Math.max(1, approval.remindEverySeconds()) * 1000L;
      boolean decided = Workflow.await(Duration.ofMillis(waitMillis),
          () -> gate.promoted(step) || (!personMustDecide && gate.fullPromotion()));
      if (decided) {
        break;
      }
      if (approval.onTimeout() == ApprovalTimeoutAction.ROLLBACK) {
        throw new RollbackTrigger("approval-timeout", "nobody " + wording.done() + " step " + (step + 1) + " ("
            + label + ") within " + Durations.human(approval.timeoutSeconds()), null);
      }
      ctx.metrics().approvalOverdue();
      reminders++;
      recorder.notify(Severity.WARNING, event + ":reminder-" + reminders,
          "reminder: " + ctx.service() + " still waits for approval in " + ctx.environment(),
          "waiting " + Durations.human((Workflow.currentTimeMillis() - startedAt) / 1000) + " for " + label
              + ". Allowed: " + String.join(", ", approval.approvers()), notice);
    }
    ctx.metrics().approvalWait(Duration.ofMillis(Workflow.currentTimeMillis() - startedAt));
    gate.close();
    recorder.saveApprovals();
  }
}
