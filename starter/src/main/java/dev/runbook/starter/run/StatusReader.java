package dev.runbook.starter.run;

import dev.runbook.starter.CliException;
import dev.runbook.starter.ExitCodes;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.contract.WatchProgress;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowStub;
import java.util.Optional;

/** Reads a run: does it exist, and what does its `status` query say. */
public final class StatusReader {
  private final WorkflowClient client;

  public StatusReader(WorkflowClient client) {
    this.client = client;
  }

  /** The latest run of {@code workflowId}; exit 64 "no run ..." when Temporal has none. */
  public WorkflowExecutionDescription describe(String workflowId) {
    try {
      return client.newUntypedWorkflowStub(workflowId).describe();
    } catch (RuntimeException e) {
      if (Failures.isNotFound(e)) {
        throw CliException.badInput("no run " + workflowId);
      }
      throw e;
    }
  }

  /** The `status` query of one run (runId null = latest). */
  public RunbookStatus status(String workflowId, String runId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId, Optional.ofNullable(runId), Optional.empty());
    try {
      return withLiveObservations(stub.query("status", RunbookStatus.class), workflowId, runId);
    } catch (RuntimeException e) {
      if (Failures.isNotFound(e)) {
        throw CliException.badInput("no run " + workflowId);
      }
      if (Failures.isUnavailable(e)) {
        throw e;
      }
      throw new CliException(
          ExitCodes.UNAVAILABLE,
          "run " + workflowId + " did not answer its status query: " + Failures.message(e)
              + " (is the runbook worker running?)",
          e);
    }
  }

  /**
   * While a window is watched, the workflow only knows the readings of finished windows; the live
   * ones travel in the watch activity's heartbeat details (throttled by the SDK to a few seconds),
   * which DescribeWorkflowExecution returns. Best effort: on any problem the query's view stands.
   */
  private RunbookStatus withLiveObservations(RunbookStatus status, String workflowId, String runId) {
    if (status == null || status.phase() != Phase.WATCHING) {
      return status;
    }
    try {
      DescribeWorkflowExecutionResponse described = client.getWorkflowServiceStubs().blockingStub()
          .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(client.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId == null ? "" : runId))
              .build());
      for (PendingActivityInfo activity : described.getPendingActivitiesList()) {
        if (activity.getActivityType().getName().equals(WATCH_ACTIVITY) && activity.hasHeartbeatDetails()) {
          WatchProgress progress = client.getOptions().getDataConverter().fromPayloads(
              0, Optional.of(activity.getHeartbeatDetails()), WatchProgress.class, WatchProgress.class);
          if (progress != null && progress.observations() != null && !progress.observations().isEmpty()) {
            return status.withObservations(progress.observations());
          }
        }
      }
    } catch (RuntimeException unavailable) {
      // the status query already answered; live readings are a bonus
    }
    return status;
  }

  /** Temporal's activity type name of WatchActivities.watchRollout. */
  static final String WATCH_ACTIVITY = "WatchRollout";

  /** Like {@link #status} but null on any failure: for best-effort reads. */
  public RunbookStatus tryStatus(String workflowId, String runId) {
    try {
      return status(workflowId, runId);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
