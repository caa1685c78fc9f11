package dev.runbook.activities.control;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.failure.ApplicationFailure;
import dev.runbook.workflows.api.ApprovalRecord;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Stands in for a runbook: waits for the `abortUpdate` update, then ends ABORTED (or fails, if told to). */
@WorkflowInterface
public interface AbortableWorkflow {

  @WorkflowMethod
  RunbookResult run(boolean failOnAbort);

  @UpdateMethod(name = "abort")
  ApprovalRecord abortUpdate(AbortRequest request);

  @UpdateValidatorMethod(updateName = "abort")
  void validateAbort(AbortRequest request);

  class Impl implements AbortableWorkflow {
    private AbortRequest abort;

    @Override
    public RunbookResult run(boolean failOnAbort) {
      Workflow.await(() -> abort != null);
      if (failOnAbort) {
        throw ApplicationFailure.newNonRetryableFailure("rollback failed", "Test");
      }
      return new RunbookResult(Workflow.getInfo().getWorkflowId(), "code-deploy", Outcome.ABORTED,
          abort.approver() + ": " + abort.reason() + " (" + abort.workflowId() + ")", "learning-api", "production",
          "v1.5.1", "v1.5.0", "blue", null);
    }

    @Override
    public ApprovalRecord abortUpdate(AbortRequest request) {
      this.abort = request;
      return new ApprovalRecord("abort", request.approver(), null, true, request.reason(), Workflow.currentTimeMillis());
    }

    /** Like the real gate: only approvers (here: bob) may abort. */
    @Override
    public void validateAbort(AbortRequest request) {
      if (!"bob".equals(request.approver())) {
        throw new IllegalArgumentException(request.approver() + " may not abort in production; allowed: bob");
      }
    }
  }
}
