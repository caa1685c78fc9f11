package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalPayloads;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookStatus;
import io.temporal.workflow.Workflow;

/**
 * The query, signal and update handlers every runbook has, as one kit piece the template delegates
 * to. Signals (Temporal UI) and updates (CLI) go through the same checks of the {@link
 * ApprovalGate}; an accepted promote ends a running watch window early, an accepted abort cancels
 * the forward path (its compensations then run). A parent run with {@link ChildRuns} forwards a
 * promote to the child that waits.
 */
public final class RunControlHandlers implements RunbookControl {
  private final StatusTracker status;
  private final ApprovalGate gate;
  private final Compensations compensations;
  private final RunScopes scopes;
  private ChildRuns children;

  public RunControlHandlers(RunContext ctx) {
    this.status = ctx.status();
    this.gate = ctx.gate();
    this.compensations = ctx.compensations();
    this.scopes = ctx.scopes();
  }

  /** From now on a promote while a child run waits goes to that child. */
  void forwardTo(ChildRuns childRuns) {
    this.children = childRuns;
  }

  @Override
  public RunbookStatus status() {
    return status.snapshot();
  }

  @Override
  public void promote(PromoteRequest request) {
    if (handledAsMalformed("promote", request == null ? null : request.approver(), ApprovalPayloads.refusal(request),
        request != null && request.payloadProblem() != null)) {
      return;
    }
    if (children != null && children.forwardPromote(request) != null) {
      return;
    }
    String refusal = gate.checkPromote(request);
    if (refusal != null) {
      gate.reject("promote", request == null ? null : request.approver(), refusal);
      return;
    }
    applyPromote(request);
  }

  @Override
  public ApprovalRecord promoteUpdate(PromoteRequest request) {
    ApprovalRecord forwarded = children == null ? null : children.forwardPromote(request);
    return forwarded != null ? forwarded : applyPromote(request);
  }

  @Override
  public void validatePromote(PromoteRequest request) {
    String refusal = ApprovalPayloads.refusal(request);
    if (refusal == null && request != null && children != null && children.waitingChild() != null) {
      return; // the child judges it (as a signal); a refusal is kept in its status and audit trail
    }
    refusal = refusal != null ? refusal : gate.checkPromote(request);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }

  @Override
  public void abort(AbortRequest request) {
    if (handledAsMalformed("abort", request == null ? null : request.approver(), ApprovalPayloads.refusal(request),
        request != null && request.payloadProblem() != null)) {
      return;
    }
    String refusal = abortRefusal(request);
    if (refusal != null) {
      gate.reject("abort", request == null ? null : request.approver(), refusal);
      return;
    }
    applyAbort(request);
  }

  @Override
  public ApprovalRecord abortUpdate(AbortRequest request) {
    return applyAbort(request);
  }

  @Override
  public void validateAbort(AbortRequest request) {
    String refusal = ApprovalPayloads.refusal(request);
    refusal = refusal != null ? refusal : abortRefusal(request);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }

  /**
   * A signal whose payload is malformed ({@code shapeRefusal} set) is refused into the audit. Runs
   * started before that rule keep their old behaviour on replay: the SDK dropped an unreadable
   * payload unseen, and unknown fields were ignored. True when the signal is done with.
   */
  private boolean handledAsMalformed(String action, String approver, String shapeRefusal, boolean unreadable) {
    if (shapeRefusal == null) {
      return false;
    }
    if (Workflow.getVersion(REFUSE_MALFORMED_APPROVALS, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return unreadable;
    }
    gate.reject(action, approver, shapeRefusal);
    return true;
  }

  static final String REFUSE_MALFORMED_APPROVALS = "refuse-malformed-approvals";

  /** The gate's rules, and: past the point of no return an abort could undo nothing. */
  private String abortRefusal(AbortRequest request) {
    String refusal = gate.checkAbort(request);
    if (refusal == null && status.phase() == Phase.ROLLING_BACK) {
      refusal = "run is already rolling back; its compensations are running";
    }
    if (refusal == null && compensations.sealedBecause() != null) {
      refusal = "too late to abort: " + compensations.sealedBecause();
    }
    return refusal;
  }

  private ApprovalRecord applyPromote(PromoteRequest request) {
    ApprovalRecord record = gate.acceptPromote(request);
    scopes.cancelWatch("promoted early by " + request.approver());
    return record;
  }

  private ApprovalRecord applyAbort(AbortRequest request) {
    ApprovalRecord record = gate.acceptAbort(request);
    scopes.cancelForward("aborted by " + request.approver());
    return record;
  }
}
