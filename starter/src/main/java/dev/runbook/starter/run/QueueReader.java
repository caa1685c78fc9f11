package dev.runbook.starter.run;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of a run's steps are stalled: pending activities still SCHEDULED (no worker took them) for
 * longer than {@link #AFTER}, and activities whose attempts keep failing (a database or platform
 * that is down: the run waits on Temporal's retries, and the last failure says what is down). The
 * task queue and summary are not in the pending info, so the history is read for their scheduled
 * events, and only when something is stalled.
 */
public final class QueueReader {
  /** Shorter waits are a worker's ordinary pick-up latency. */
  static final Duration AFTER = Duration.ofSeconds(2);

  private final WorkflowClient client;

  public QueueReader(WorkflowClient client) {
    this.client = client;
  }

  /** Best effort: empty on any problem (the status itself has already answered). */
  public List<QueuedActivity> queued(String workflowId, String runId) {
    try {
      DescribeWorkflowExecutionResponse described = client.getWorkflowServiceStubs().blockingStub()
          .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(client.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId == null ? "" : runId))
              .build());
      return queued(described.getPendingActivitiesList(), workflowId, runId, Instant.now());
    } catch (RuntimeException unavailable) {
      return List.of();
    }
  }

  private List<QueuedActivity> queued(List<PendingActivityInfo> pending, String workflowId, String runId, Instant now) {
    List<PendingActivityInfo> waiting = pending.stream()
        .filter(a -> failing(a) || (a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED
            && a.hasScheduledTime()
            // a retry still in its backoff waits for its timer, not for a worker
            && (!a.hasNextAttemptScheduleTime() || !instant(a.getNextAttemptScheduleTime()).isAfter(now))
            && waited(a, now).compareTo(AFTER) > 0))
        .toList();
    if (waiting.isEmpty()) {
      return List.of();
    }
    WorkflowExecutionHistory history = client.fetchHistory(workflowId, runId);
    List<QueuedActivity> queued = new ArrayList<>();
    for (PendingActivityInfo a : waiting) {
      String name = a.getActivityType().getName();
      String queue = "?";
      for (HistoryEvent e : history.getEvents()) {
        if (e.hasActivityTaskScheduledEventAttributes()
            && e.getActivityTaskScheduledEventAttributes().getActivityId().equals(a.getActivityId())) {
          queue = e.getActivityTaskScheduledEventAttributes().getTaskQueue().getName();
          if (e.hasUserMetadata() && e.getUserMetadata().hasSummary()) {
            name = summary(e.getUserMetadata().getSummary()).orElse(name);
          }
        }
      }
      queued.add(failing(a)
          ? new QueuedActivity(name, queue, failingFor(a, now).toSeconds(), a.getAttempt(), a.getLastFailure().getMessage())
          : new QueuedActivity(name, queue, waited(a, now).toSeconds()));
    }
    return queued;
  }

  private Optional<String> summary(Payload payload) {
    try {
      return Optional.ofNullable(client.getOptions().getDataConverter()
          .fromPayloads(0, Optional.of(io.temporal.api.common.v1.Payloads.newBuilder().addPayloads(payload).build()),
              String.class, String.class));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** An attempt failed and Temporal retries it: what it waits on is whatever made it fail. */
  private static boolean failing(PendingActivityInfo a) {
    return a.getAttempt() > 1 && a.hasLastFailure() && !a.getLastFailure().getMessage().isBlank();
  }

  private static Duration failingFor(PendingActivityInfo a, Instant now) {
    return a.hasScheduledTime() ? Duration.between(instant(a.getScheduledTime()), now) : Duration.ZERO;
  }

  /** Since it was scheduled, or since its last attempt ended when it is a retry. */
  private static Duration waited(PendingActivityInfo a, Instant now) {
    Instant since = instant(a.getScheduledTime());
    if (a.hasLastAttemptCompleteTime() && instant(a.getLastAttemptCompleteTime()).isAfter(since)) {
      since = instant(a.getLastAttemptCompleteTime());
    }
    return Duration.between(since, now);
  }

  private static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
