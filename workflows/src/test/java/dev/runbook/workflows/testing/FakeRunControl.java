package dev.runbook.workflows.testing;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.RunControlActivities;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records abort requests against other runs. By default it answers with a scripted outcome per
 * workflow id; {@link #live(WorkflowClient)} makes it act on real runs of the test server instead
 * (send the abort signal as the given approver, wait for the run's result), like the real one.
 */
public final class FakeRunControl implements RunControlActivities {
  public record AbortCall(String workflowId, String approver, String reason) {}

  private final List<AbortCall> calls = new CopyOnWriteArrayList<>();
  private final Map<String, String> running = new ConcurrentHashMap<>();
  private volatile WorkflowClient client;

  /** Pretends {@code workflowId} is running; aborting it ends it with {@code outcome}. */
  public FakeRunControl running(String workflowId, String outcome) {
    running.put(workflowId, outcome);
    return this;
  }

  /** Aborts real runs through {@code workflowClient}. */
  public FakeRunControl live(WorkflowClient workflowClient) {
    this.client = workflowClient;
    return this;
  }

  @Override
  public String abortRunAndWait(String workflowId, String approver, String reason) {
    calls.add(new AbortCall(workflowId, approver, reason));
    if (client == null) {
      return running.remove(workflowId);
    }
    WorkflowStub run = client.newUntypedWorkflowStub(workflowId);
    try {
      if (run.describe().getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return null;
      }
      run.signal("abort", new AbortRequest(approver, reason, workflowId));
      return run.getResult(RunbookResult.class).outcome().name();
    } catch (WorkflowNotFoundException none) {
      return null;
    }
  }

  /** The scripted outcome, or the live run as {@link #abortRunAndWait} (one run per id in these tests). */
  @Override
  public String abortExactRunAndWait(String workflowId, String runId, String approver, String reason) {
    return abortRunAndWait(workflowId, approver, reason);
  }

  @Override
  public String describeRunning(String workflowId) {
    if (client == null) {
      String outcome = running.get(workflowId);
      return outcome == null ? null : "scripted run of " + workflowId;
    }
    try {
      WorkflowStub run = client.newUntypedWorkflowStub(workflowId);
      return run.describe().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          ? "running " + workflowId : null;
    } catch (WorkflowNotFoundException none) {
      return null;
    }
  }

  public List<AbortCall> calls() {
    return List.copyOf(calls);
  }
}
