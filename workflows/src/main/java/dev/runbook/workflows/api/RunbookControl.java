package dev.runbook.workflows.api;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;

/**
 * Handlers every runbook workflow has. The signals serve the Temporal UI and any client; the
 * updates serve the CLI, which learns at once whether its approval was accepted. A signal and its
 * update share one name ({@code promote}, {@code abort}: Temporal keeps signal and update names
 * apart) and go through the same validation (one code path); a rejected update never enters
 * history, a rejected signal is recorded in the status and the approvals audit. Payloads of any
 * JSON shape decode (see {@link ApprovalPayloads}), so a malformed one is refused like any other.
 */
public interface RunbookControl {

  @QueryMethod(name = "status", description = "Phase, step tree, traffic weights, last observations, what the run waits for and who may act, step log and outcome.")
  RunbookStatus status();

  @SignalMethod(name = "promote", description = "Approve the current gate, or end the current watch early. {\"approver\":\"alice\",\"full\":false}; full=true skips the remaining steps.")
  void promote(PromoteRequest request);

  @UpdateMethod(name = "promote", description = "Same as the promote signal, but answers with the accepted approval or a rejection reason. {\"approver\":\"alice\",\"full\":false}")
  ApprovalRecord promoteUpdate(PromoteRequest request);

  @UpdateValidatorMethod(updateName = "promote")
  void validatePromote(PromoteRequest request);

  @SignalMethod(name = "abort", description = "Stop the run and roll back. Wins over any promote. {\"approver\":\"bob\",\"reason\":\"...\"}")
  void abort(AbortRequest request);

  @UpdateMethod(name = "abort", description = "Same as the abort signal, but answers with the accepted abort or a rejection reason. {\"approver\":\"bob\",\"reason\":\"...\"}")
  ApprovalRecord abortUpdate(AbortRequest request);

  @UpdateValidatorMethod(updateName = "abort")
  void validateAbort(AbortRequest request);

  /**
   * The promote update's first name. Kept because runs promoted through it must replay (their
   * history names it) and a CLI or worker of the previous release still sends it.
   */
  @UpdateMethod(name = "promoteUpdate", description = "Former name of the promote update; send update promote.")
  default ApprovalRecord promoteUpdateFormerName(PromoteRequest request) {
    return promoteUpdate(request);
  }

  @UpdateValidatorMethod(updateName = "promoteUpdate")
  default void validatePromoteFormerName(PromoteRequest request) {
    validatePromote(request);
  }

  /** The abort update's first name, kept for the same reasons as {@link #promoteUpdateFormerName}. */
  @UpdateMethod(name = "abortUpdate", description = "Former name of the abort update; send update abort.")
  default ApprovalRecord abortUpdateFormerName(AbortRequest request) {
    return abortUpdate(request);
  }

  @UpdateValidatorMethod(updateName = "abortUpdate")
  default void validateAbortFormerName(AbortRequest request) {
    validateAbort(request);
  }
}
