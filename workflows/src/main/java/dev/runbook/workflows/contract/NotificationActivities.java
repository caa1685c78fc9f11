package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.Notification;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tells people: the team channel for INFO/WARNING, the pager for PAGE. At-least-once. */
@ActivityInterface
public interface NotificationActivities {

  /**
   * Logs the notification, stores it in {@code runbook.notifications} and POSTs it to the webhook
   * (each when configured). Not idempotent towards people: the stored row is deduplicated by
   * (workflow id, run id, activity id, content), so a retry stores it once, but a retry after a
   * failed POST, or after a POST whose completion was lost in a worker crash, posts it again, and
   * the payload carries no key a receiver could dedupe by (its {@code at} is the time of each
   * attempt): the channel or pager may show it twice. Not undone: a message sent stays sent.
   */
  @ActivityMethod
  void notify(Notification notification);
}
