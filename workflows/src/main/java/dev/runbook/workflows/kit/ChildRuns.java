package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.ChildRunView;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.TaskQueues;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.ChildWorkflowStub;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Procedures started as child workflows of this run. Each child is shown in the parent's status
 * with the id to act on; a promote sent to the parent while a child waits goes to that child; on a
 * rollback the children are compensated in reverse like any step: a child still running is
 * aborted and awaited (its own compensations run), a finished child is undone by the callback its
 * caller registered. Children start detached from the forward scope, so an abort of the parent
 * reaches them as an abort (audited, compensated), not as a Temporal cancellation.
 */
public final class ChildRuns implements ChildRunReports {
  private final RunContext ctx;
  private final Map<String, ChildRunView> views = new LinkedHashMap<>();
  private final Map<String, ChildWorkflowStub> stubs = new LinkedHashMap<>();

  ChildRuns(RunContext ctx) {
    this.ctx = ctx;
    Workflow.registerListener(this);
  }

  /** A started child: its id and its result once it ends. */
  public record ChildRun(String workflowId, Promise<RunbookResult> result) {

    /** Waits for the child's result; an abort of the parent ends the wait (the child is then compensated). */
    public RunbookResult await() {
      Workflow.await(result::isCompleted);
      return result.get();
    }
  }

  /**
   * Starts {@code workflowType} (a procedure's workflow type, e.g. "CodeDeploy") as a child with id
   * {@code workflowId}, after registering its compensation.
   *
   * @param undoWhenFinished undoes a child that already SUCCEEDED when the parent rolls back; null
   *     when nothing can be undone
   */
  public ChildRun start(String workflowType, String procedure, String workflowId, Object input,
      Runnable undoWhenFinished) {
    ChildWorkflowStub stub = Workflow.newUntypedChildWorkflowStub(workflowType, ChildWorkflowOptions.newBuilder()
        .setWorkflowId(workflowId).setTaskQueue(TaskQueues.RUNBOOK)
        .setCancellationType(ChildWorkflowCancellationType.ABANDON)
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL).build());
    stubs.put(workflowId, stub);
    @SuppressWarnings("unchecked")
    Promise<RunbookResult>[] result = new Promise[1];
    ctx.compensations().add("child " + workflowId, () -> compensate(workflowId, result[0], undoWhenFinished));
    Workflow.newDetachedCancellationScope(() -> {
      result[0] = stub.executeAsync(RunbookResult.class, input);
      stub.getExecution().get();
    }).run();
    // shown once it exists (an id to act on); its own reports may already have arrived
    views.putIfAbsent(workflowId, new ChildRunView(workflowId, procedure, Phase.STARTING, null, null));
    ctx.status().children(List.copyOf(views.values()));
    ctx.status().log("started child run " + workflowId);
    return new ChildRun(workflowId, result[0]);
  }

  private void compensate(String workflowId, Promise<RunbookResult> result, Runnable undoWhenFinished) {
    if (result == null) {
      return;
    }
    if (!result.isCompleted()) {
      ApprovalRecord abort = ctx.gate().abortRecord();
      String approver = abort != null ? abort.approver() : ctx.header().requestedBy();
      stubs.get(workflowId).signal("abort", new AbortRequest(approver,
          "parent " + ctx.workflowId() + " rolls back" + (abort != null ? ": " + abort.reason() : ""), workflowId));
    }
    Workflow.await(result::isCompleted);
    if (result.getFailure() != null) {
      ctx.status().log("child " + workflowId + " failed (" + Failures.rootMessage(result.getFailure())
          + "); its own compensations ran, nothing more to undo");
      return;
    }
    RunbookResult ended = result.get();
    ctx.status().log("child " + workflowId + " ended " + ended.outcome());
    if (ended.outcome() == Outcome.SUCCEEDED && undoWhenFinished != null) {
      undoWhenFinished.run();
    }
  }

  /** The child that waits for a promote or is in a watch window a promote ends, or null. */
  public String waitingChild() {
    for (ChildRunView v : views.values()) {
      if (v.outcome() == null && v.phase() != null && v.phase().acceptsPromotion()) {
        return v.workflowId();
      }
    }
    return null;
  }

  /** Sends the promote on to the waiting child; null when no child waits (the parent judges it). */
  ApprovalRecord forwardPromote(PromoteRequest request) {
    String child = waitingChild();
    if (child == null || request == null) {
      return null;
    }
    stubs.get(child).signal("promote", new PromoteRequest(request.approver(), request.full(), child, request.comment()));
    ctx.status().log("promote from " + request.approver() + " forwarded to child " + child);
    return new ApprovalRecord("promote", request.approver(), null, true, "forwarded to child run " + child,
        Workflow.currentTimeMillis());
  }

  @Override
  public void childStatus(ChildRunView view) {
    if (view == null || !stubs.containsKey(view.workflowId())) {
      return;
    }
    views.put(view.workflowId(), view);
    ctx.status().children(new ArrayList<>(views.values()));
  }
}
