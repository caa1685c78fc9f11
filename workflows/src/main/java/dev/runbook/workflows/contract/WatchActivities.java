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
   * arrives through the heartbeat. Side effects: notifications only.
   */
  @ActivityMethod
  WatchVerdict watchRollout(WatchRequest request);
}
