package dev.runbook.starter;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.StepState;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CLI-test stand-in workflows share: one gate that a promote passes and an abort ends
 * (mallory may never promote), a log, and the state a status query reports.
 */
abstract class FakeRunGate implements RunbookControl {
  protected Phase phase = Phase.STARTING;
  protected Outcome outcome;
  protected AbortRequest abort;
  protected final List<LogEntry> log = new ArrayList<>();
  private boolean promoted;

  /** The environment of the run's request. */
  protected abstract String environment();

  /** Waits at the gate until a promote or an abort arrives. */
  protected final void awaitGate() {
    phase = Phase.AWAITING_APPROVAL;
    Workflow.await(() -> promoted || abort != null);
  }

  protected final void ended(Outcome o, String reason) {
    phase = Phase.DONE;
    outcome = o;
    log(o + ": " + reason);
  }

  protected final void log(String message) {
    log.add(new LogEntry(Workflow.currentTimeMillis(), message));
  }

  protected final StepState gateState() {
    return phase == Phase.AWAITING_APPROVAL ? StepState.WAITING
        : outcome == Outcome.SUCCEEDED ? StepState.SUCCEEDED : StepState.SKIPPED;
  }

  @Override
  public void promote(PromoteRequest request) {
    promoted = true;
  }

  @Override
  public ApprovalRecord promoteUpdate(PromoteRequest request) {
    promoted = true;
    return new ApprovalRecord("promote", request.approver(), 1, true, request.comment(), Workflow.currentTimeMillis());
  }

  @Override
  public void validatePromote(PromoteRequest request) {
    if ("mallory".equals(request.approver())) {
      throw new IllegalArgumentException("mallory may not approve in " + environment());
    }
  }

  @Override
  public void abort(AbortRequest request) {
    abort = request;
  }

  @Override
  public ApprovalRecord abortUpdate(AbortRequest request) {
    abort = request;
    return new ApprovalRecord("abort", request.approver(), 1, true, request.reason(), Workflow.currentTimeMillis());
  }

  @Override
  public void validateAbort(AbortRequest request) {}
}
