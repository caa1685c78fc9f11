package dev.runbook.starter.run;

import dev.runbook.starter.CliException;
import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.PromoteRequest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowUpdateException;

/**
 * Approver actions through the `promote` / `abort` updates: the answer says at once
 * whether the run accepted them; a validator's rejection becomes exit 64 with its reason.
 */
public final class Approvals {
  private final WorkflowClient client;

  public Approvals(WorkflowClient client) {
    this.client = client;
  }

  public ApprovalRecord promote(String workflowId, PromoteRequest request) {
    return update(workflowId, "promote", request);
  }

  public ApprovalRecord abort(String workflowId, AbortRequest request) {
    return update(workflowId, "abort", request);
  }

  private ApprovalRecord update(String workflowId, String update, Object request) {
    return update(workflowId, update, ApprovalRecord.class, request);
  }

  /**
   * Any update of a run (an incident's {@code acknowledge}, {@code resolve}, {@code report}): a
   * validator's rejection, or a run that has ended, is bad input (exit 64) with the reason.
   */
  public <T> T update(String workflowId, String update, Class<T> answer, Object request) {
    try {
      return client.newUntypedWorkflowStub(workflowId).update(update, answer, request);
    } catch (WorkflowUpdateException e) {
      throw CliException.badInput("rejected by " + workflowId + ": " + Failures.message(e.getCause() == null ? e : e.getCause()));
    } catch (RuntimeException e) {
      if (Failures.isUnavailable(e)) {
        throw e;
      }
      if (Failures.isNotFound(e)) {
        throw CliException.badInput(whyNotFound(workflowId));
      }
      throw e;
    }
  }

  /** "no run ..." or, for a run that exists but has ended, which way it ended. */
  private String whyNotFound(String workflowId) {
    WorkflowExecutionDescription description;
    try {
      description = client.newUntypedWorkflowStub(workflowId).describe();
    } catch (RuntimeException e) {
      return "no run " + workflowId;
    }
    WorkflowExecutionStatus status = description.getStatus();
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      String state = status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase();
      return workflowId + " has already ended (" + state + "); nothing to act on";
    }
    return "no run " + workflowId;
  }
}
