package dev.runbook.activities.registry;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Asks Temporal for one exact run (workflow id + run id). NOT_FOUND means the server never had it
 * or forgot it; every other error means "cannot tell" and is thrown, so nothing is marked lost on
 * an outage.
 */
public final class TemporalServerRuns implements LostRunReconciler.ServerRuns {
  private final WorkflowClient client;
  private final Duration timeout;

  public TemporalServerRuns(WorkflowClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public boolean knows(String workflowId, String runId) {
    DescribeWorkflowExecutionRequest request = DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace(client.getOptions().getNamespace())
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId))
        .build();
    try {
      client.getWorkflowServiceStubs().blockingStub()
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .describeWorkflowExecution(request);
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }
}
