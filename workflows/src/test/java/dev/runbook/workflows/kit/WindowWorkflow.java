package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.contract.LowTrafficWindow;
import dev.runbook.workflows.testing.Policies;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;

/** Test-only: a run requested by alice (an approver) in production that waits for the window, then says how it went on. */
@WorkflowInterface
public interface WindowWorkflow extends RunbookControl {

  @WorkflowMethod
  String waitForWindow(LowTrafficWindow window, long estimateSeconds, boolean now);

  class Impl implements WindowWorkflow {
    private final RunContext ctx = new RunContext();
    private final RunControlHandlers handlers = new RunControlHandlers(ctx);

    @Override
    public String waitForWindow(LowTrafficWindow window, long estimateSeconds, boolean now) {
      var info = Workflow.getInfo();
      ctx.begin(Procedure.CODE_DEPLOY, new RunHeader(Procedure.CODE_DEPLOY.workflowType(), info.getWorkflowId(),
          info.getRunId(), "platform-db", "production", "1.1", "alice", null, null, Workflow.currentTimeMillis()));
      ctx.usePolicy(Policies.production());
      int step = ctx.status().addStep("wait for the low-traffic window");
      WindowWait.Ended ended = new WindowWait(ctx, new RunRecorder(ctx))
          .await(step, "low-traffic window", window, Duration.ofSeconds(estimateSeconds), now);
      return (ended.proceedNow() ? "proceed-now by " + ended.approver() : "window") + " at "
          + Instant.ofEpochMilli(ended.atMillis());
    }

    @Override
    public RunbookStatus status() {
      return handlers.status();
    }

    @Override
    public void promote(PromoteRequest request) {
      handlers.promote(request);
    }

    @Override
    public ApprovalRecord promoteUpdate(PromoteRequest request) {
      return handlers.promoteUpdate(request);
    }

    @Override
    public void validatePromote(PromoteRequest request) {
      handlers.validatePromote(request);
    }

    @Override
    public void abort(AbortRequest request) {
      handlers.abort(request);
    }

    @Override
    public ApprovalRecord abortUpdate(AbortRequest request) {
      return handlers.abortUpdate(request);
    }

    @Override
    public void validateAbort(AbortRequest request) {
      handlers.validateAbort(request);
    }
  }
}
