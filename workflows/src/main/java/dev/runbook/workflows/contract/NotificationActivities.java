package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.Notification;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tells people: the team channel for INFO/WARNING, the pager for PAGE. At-least-once. */
@ActivityInterface
public interface NotificationActivities {

  /**
   * Logs the notification, stores it in {@code runbook.notifications}, sends a PAGE to the pager
   * (a PagerDuty Events API v2 trigger) and POSTs every notification to the webhook as a Slack
   * message (each when configured). At least once: a retry after a failed POST, or after a POST
   * whose completion was lost in a worker crash, sends it again. Every delivery carries the same
   * dedup key, workflow id / run id / {@link Notification#event()} (without an event: the
   * activity id and a hash of the content), so the stored row is written once, the pager merges
   * repeats by its {@code dedup_key}, and any other receiver can drop them. Not undone: a message
   * sent stays sent.
   */
  @ActivityMethod
  void notify(Notification notification);
}
