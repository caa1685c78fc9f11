package dev.runbook.workflows.schedules;

import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.Severity;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A schedule's skipped and missed fires and its pauses: counted in a metric
 * ({@code runbook_schedule_skipped}, {@code runbook_schedule_missed}, label {@code schedule}) and
 * notified, each with an event name unique per fire so a retried notification is sent once.
 */
final class ScheduleNotices {
  private final ScheduledJob job;

  ScheduleNotices(ScheduledJob job) {
    this.job = job;
  }

  void counted(String what, long scheduledAt, String why) {
    Workflow.getMetricsScope().tagged(Map.of("schedule", job.name())).counter("runbook_schedule_" + what).inc(1);
    send(Severity.WARNING, what + ":" + scheduledAt, "schedule " + job.name() + ": the run of "
        + Instant.ofEpochMilli(scheduledAt) + " was " + what, why);
  }

  void paused(long scheduledAt, String why) {
    send(Severity.WARNING, "paused:" + scheduledAt, "schedule " + job.name() + " paused", why
        + "\nUnpause: runbook schedules unpause " + job.name());
  }

  private void send(Severity severity, String event, String title, String body) {
    NotificationActivities notifier = Workflow.newActivityStub(NotificationActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build()).setSummary("notify").build());
    try {
      notifier.notify(new Notification(severity, title, body, job.name(), job.environment(),
          Workflow.getInfo().getWorkflowId(), event, null, null));
    } catch (ActivityFailure e) {
      Workflow.getLogger(ScheduleNotices.class).warn("notification of schedule {} failed: {}", job.name(), e.getMessage());
    }
  }
}
