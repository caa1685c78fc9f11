package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.ChildRunView;
import io.temporal.workflow.Async;
import io.temporal.workflow.ExternalWorkflowStub;
import io.temporal.workflow.Workflow;

/**
 * The child side of {@link ChildRuns}: a run started as a child tells its parent each milestone,
 * so the parent's status shows where its children are. A run without a parent sends nothing (its
 * commands are what they always were).
 */
final class ParentReport {

  /** Installs the report when this run has a parent, and sends the first one. */
  static void installIfChild(RunContext ctx) {
    Workflow.getInfo().getParentWorkflowId().ifPresent(parentId -> {
      ExternalWorkflowStub parent = Workflow.newUntypedExternalWorkflowStub(parentId);
      Runnable report = () -> {
        var s = ctx.status().snapshot();
        ChildRunView view = new ChildRunView(s.workflowId(), s.procedure(), s.phase(), s.waitingFor(), s.outcome());
        // detached and asynchronous: an abort of this run must not cancel the report of it
        Workflow.newDetachedCancellationScope(() ->
            Async.procedure(() -> parent.signal(ChildRunReports.SIGNAL, view))).run();
      };
      ctx.status().onMilestone(report);
    });
  }

  private ParentReport() {}
}
