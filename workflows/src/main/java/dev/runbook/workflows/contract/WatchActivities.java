package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.WatchProgress;
import dev.runbook.workflows.contract.WatchVerdict;
import dev.runbook.workflows.contract.WatchRequest;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The monitoring window of a rollout step. */
@ActivityInterface
public interface WatchActivities {

  /**
   * Polls the rules' metrics every {@code pollSeconds} until the window ends or a rollback rule
   * fires, heartbeating its {@link WatchProgress} on every poll: one activity however long the
   * window, and a retry on another worker resumes the window (deadline and breach clocks) where it
   * stopped. Notify/page rules send their notification once per breach and keep watching. The
   * window is extended while a rollback rule is breaching but not yet for its {@code for}
   * duration, so a breach across the boundary is decided. Cancellation (abort, early promotion)
   * arrives through the heartbeat. Idempotent by the attempt's heartbeat details (deadline, every
   * rule's state): a retry resumes the window rather than starting a new one. Changes nothing on
   * the platform; its only side effects are the notify/page notifications, whose "sent" mark
   * travels in the heartbeat, so a retry sends one again only when the heartbeat after it was lost
   * (what receivers then see: {@link NotificationActivities#notify(Notification)}). Nothing to
   * undo.
   */
  @ActivityMethod
  WatchVerdict watchRollout(WatchRequest request);
}
