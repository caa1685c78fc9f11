package dev.runbook.activities.control;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for a runbook: takes the `abort` signal through a gate that only lets bob abort (a
 * refusal is kept in its approvals audit, as the real gate does), shows the audit in its `status`
 * query, then ends ABORTED (or fails, if told to).
 */
@WorkflowInterface
public interface AbortableWorkflow {

  @WorkflowMethod
  RunbookResult run(boolean failOnAbort);

  @SignalMethod(name = "abort")
  void abort(AbortRequest request);

  @QueryMethod(name = "status")
  RunbookStatus status();

  class Impl implements AbortableWorkflow {
    private AbortRequest abort;
    private final List<ApprovalRecord> approvals = new ArrayList<>();

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

    /** Like the real gate: only approvers (here: bob) may abort. */
    @Override
    public void abort(AbortRequest request) {
      boolean allowed = "bob".equals(request.approver());
      approvals.add(new ApprovalRecord("abort", request.approver(), null, allowed,
          allowed ? request.reason() : request.approver() + " may not abort in production; allowed: bob",
          Workflow.currentTimeMillis()));
      if (allowed) {
        abort = request;
      }
    }

    @Override
    public RunbookStatus status() {
      return new RunbookStatus("code-deploy", Workflow.getInfo().getWorkflowId(), "learning-api", "production", "v1.5.1",
          "carol", null, null, abort == null ? Phase.AWAITING_APPROVAL : Phase.ROLLING_BACK, null, List.of(), null, null,
          null, null, null, List.of(), null, List.of(), List.copyOf(approvals), List.of(), null, null, 0, 0);
    }
  }
}
