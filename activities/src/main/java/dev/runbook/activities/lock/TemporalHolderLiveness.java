package dev.runbook.activities.lock;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * Asks Temporal about the exact run (workflow id + run id), never the latest run of the id: a new
 * run under the same business key must not keep its dead predecessor's lock alive.
 */
public final class TemporalHolderLiveness implements HolderLiveness {
  private final WorkflowServiceStubs service;
  private final String namespace;

  public TemporalHolderLiveness(WorkflowClient client) {
    this(client.getWorkflowServiceStubs(), client.getOptions().getNamespace());
  }

  public TemporalHolderLiveness(WorkflowServiceStubs service, String namespace) {
    this.service = service;
    this.namespace = namespace;
  }

  @Override
  public boolean isOpen(String workflowId, String runId) {
    DescribeWorkflowExecutionRequest request = DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace(namespace)
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId))
        .build();
    try {
      return service.blockingStub().describeWorkflowExecution(request).getWorkflowExecutionInfo().getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false; // past retention, or never started on this server: nobody will release it
      }
      throw e;
    }
  }
}
