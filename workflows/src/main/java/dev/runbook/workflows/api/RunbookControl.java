package dev.runbook.workflows.api;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;

/**
 * Handlers every runbook workflow has. The signals serve the Temporal UI and any client; the
 * updates serve the CLI, which learns at once whether its approval was accepted. Both go through
 * the same validation (one code path); a rejected update never enters history, a rejected signal
 * is recorded in the status.
 */
public interface RunbookControl {

  @QueryMethod(name = "status", description = "Phase, step tree, traffic weights, last observations, what the run waits for and who may act, step log and outcome.")
  RunbookStatus status();

  @SignalMethod(name = "promote", description = "Approve the current gate, or end the current watch early. {\"approver\":\"alice\",\"full\":false}; full=true skips the remaining steps.")
  void promote(PromoteRequest request);

  @UpdateMethod(name = "promoteUpdate", description = "Same as the promote signal, but answers with the accepted approval or a rejection reason.")
  ApprovalRecord promoteUpdate(PromoteRequest request);

  @UpdateValidatorMethod(updateName = "promoteUpdate")
  void validatePromote(PromoteRequest request);

  @SignalMethod(name = "abort", description = "Stop the run and roll back. Wins over any promote. {\"approver\":\"bob\",\"reason\":\"...\"}")
  void abort(AbortRequest request);

  @UpdateMethod(name = "abortUpdate", description = "Same as the abort signal, but answers with the accepted abort or a rejection reason.")
  ApprovalRecord abortUpdate(AbortRequest request);

  @UpdateValidatorMethod(updateName = "abortUpdate")
  void validateAbort(AbortRequest request);
}
