package dev.runbook.activities.control;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Stands in for a runbook: waits for the `abort` signal, then ends ABORTED (or fails, if told to). */
@WorkflowInterface
public interface AbortableWorkflow {

  @WorkflowMethod
  RunbookResult run(boolean failOnAbort);

  @SignalMethod(name = "abort")
  void abort(AbortRequest request);

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
    public void abort(AbortRequest request) {
      this.abort = request;
    }
  }
}
