package dev.runbook.e2e;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a run's watch window is open, from the server's side (DescribeWorkflowExecution: no
 * query, so no workflow task on a busy worker): its WatchRollout activity is STARTED on a worker.
 */
final class WatchProbe {
  static final String WATCH_ACTIVITY = "WatchRollout";
  private final WorkflowClient client;

  WatchProbe(WorkflowClient client) {
    this.client = client;
  }

  /** The run's watch activity when it is running on a worker. */
  Optional<PendingActivityInfo> startedWatch(String workflowId) {
    return startedWatch(describe(workflowId));
  }

  /**
   * Waits until every run's watch has started; returns, per run, workflow start → watch started
   * (ms, server clock). Runs that closed first (e.g. a smoke test that timed out on an overloaded
   * sandbox) are added to {@code closed}; fails naming the runs that did not get there in time.
   */
  List<Long> awaitWatching(List<String> workflowIds, long limitMillis, List<String> closed) throws InterruptedException {
    Set<String> pending = new LinkedHashSet<>(workflowIds);
    List<Long> millis = new ArrayList<>();
    long deadline = System.currentTimeMillis() + limitMillis;
    while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
      for (var it = pending.iterator(); it.hasNext(); ) {
        String id = it.next();
        DescribeWorkflowExecutionResponse d = describe(id);
        Optional<PendingActivityInfo> watch = startedWatch(d);
        if (watch.isPresent()) {
          millis.add(toMillis(watch.get().getLastStartedTime())
              - toMillis(d.getWorkflowExecutionInfo().getStartTime()));
          it.remove();
        } else if (d.getWorkflowExecutionInfo().getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
          closed.add(id + " " + d.getWorkflowExecutionInfo().getStatus());
          it.remove();
        }
      }
      if (!pending.isEmpty()) {
        Thread.sleep(2000);
      }
    }
    if (!pending.isEmpty()) {
      throw new AssertionError(pending.size() + " runs not watching after " + limitMillis / 1000 + " s "
          + pending.stream().limit(5).toList());
    }
    return millis;
  }

  private static Optional<PendingActivityInfo> startedWatch(DescribeWorkflowExecutionResponse d) {
    return d.getPendingActivitiesList().stream()
        .filter(a -> a.getActivityType().getName().equals(WATCH_ACTIVITY)
            && a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED)
        .findFirst();
  }

  private DescribeWorkflowExecutionResponse describe(String workflowId) {
    return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder().setNamespace(client.getOptions().getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build());
  }

  private static long toMillis(com.google.protobuf.Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }
}
