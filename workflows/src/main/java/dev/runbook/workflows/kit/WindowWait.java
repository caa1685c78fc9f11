package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.LowTrafficWindow;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a run at a status step until the environment's low-traffic window has room for the work
 * ({@link LowTrafficWindows}), on a workflow timer, or until an approver sends proceed-now: a
 * promote of this step, judged by the {@link ApprovalGate} exactly as a promotion (approvers of
 * the environment, never the requester where the policy says so), audited the same way.
 */
public final class WindowWait {
  /** Failure type when the work is longer than the window itself: no day would ever do. */
  public static final String WINDOW_TOO_SHORT = "WindowTooShort";

  /** How the wait ended, and who sent proceed-now when one did. */
  public record Ended(boolean proceedNow, String approver, long atMillis) {}

  private final RunContext ctx;
  private final RunRecorder recorder;

  public WindowWait(RunContext ctx, RunRecorder recorder) {
    this.ctx = ctx;
    this.recorder = recorder;
  }

  /**
   * @param step the status step that waits (its promote is the proceed-now)
   * @param estimate how long the work takes (a rehearsal's duration)
   * @param proceedNow the run was started with --now where the environment allows it: no wait
   */
  public Ended await(int step, String label, LowTrafficWindow window, Duration estimate, boolean proceedNow) {
    ApprovalGate gate = ctx.gate();
    StatusTracker status = ctx.status();
    if (proceedNow) {
      status.log("started with --now: not waiting for the low-traffic window " + window);
      return new Ended(true, status.requestedBy(), Workflow.currentTimeMillis());
    }
    while (true) {
      WindowDecision decision = LowTrafficWindows.decide(Instant.ofEpochMilli(Workflow.currentTimeMillis()), window,
          estimate);
      switch (decision.verdict()) {
        case NEVER_FITS -> throw ApplicationFailure.newNonRetryableFailure(decision.reason(), WINDOW_TOO_SHORT);
        case START_NOW -> {
          gate.close();
          status.log(decision.reason());
          return new Ended(false, null, Workflow.currentTimeMillis());
        }
        case WAIT -> {
          if (waitOrProceed(step, label, decision)) {
            ApprovalRecord by = gate.promotion(step);
            gate.close();
            recorder.saveApprovals();
            return new Ended(true, by.approver(), Workflow.currentTimeMillis());
          }
        }
      }
    }
  }

  /** True when proceed-now came before the timer. */
  private boolean waitOrProceed(int step, String label, WindowDecision decision) {
    ApprovalGate gate = ctx.gate();
    StatusTracker status = ctx.status();
    if (gate.promoted(step)) {
      return true;
    }
    gate.open(step, label);
    status.phase(Phase.AWAITING_APPROVAL, decision.reason());
    status.stepState(step, StepState.WAITING, decision.reason());
    status.waitingFor("low-traffic window (" + decision.reason() + ") or " + ApprovalWording.PROCEED_NOW.decision()
        + " of step " + (step + 1) + " (" + label + ")", ctx.policy().approval().approvers());
    Duration wait = Duration.ofMillis(Math.max(1, decision.startAt().toEpochMilli() - Workflow.currentTimeMillis()));
    List<Promise<Void>> opens = new ArrayList<>(1);
    CancellationScope timer = Workflow.newCancellationScope(() -> opens.add(
        Workflow.newTimer(wait, TimerOptions.newBuilder().setSummary("low-traffic window opens").build())));
    timer.run();
    Workflow.await(() -> opens.get(0).isCompleted() || gate.promoted(step));
    if (!opens.get(0).isCompleted()) {
      timer.cancel(); // proceed-now: the window's timer is not needed any more
    }
    return gate.promoted(step);
  }
}
