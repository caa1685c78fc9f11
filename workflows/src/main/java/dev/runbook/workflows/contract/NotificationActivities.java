package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.Notification;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tells people: the team channel for INFO/WARNING, the pager for PAGE. At-least-once. */
@ActivityInterface
public interface NotificationActivities {

  @ActivityMethod
  void notify(Notification notification);
}
