package dev.runbook.activities.platform;

import dev.runbook.activities.watch.Sleeper;
import dev.runbook.workflows.contract.SmokeResult;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Repeats a failed smoke test until it passes or a deadline passes. A new release on a busy host
 * may answer its first {@code /health} slowly; one failed call must not stop a healthy release,
 * while a release that is really broken keeps failing and still fails the step. The pause doubles
 * from {@code firstPause} up to {@code maxPause}; an attempt longer than the deadline (a command
 * template that waits for a rollout itself) is not repeated.
 *
 * @param deadline how long after the first attempt started another one may still start
 */
public record SmokeRetry(Duration deadline, Duration firstPause, Duration maxPause, Clock clock, Sleeper sleeper) {

  /** 12 s: attempts at about 0, 1, 3, 7 and 11 s. */
  public static SmokeRetry standard() {
    return new SmokeRetry(Duration.ofSeconds(12), Duration.ofSeconds(1), Duration.ofSeconds(4), Clock.systemUTC(),
        Sleeper.threadSleep());
  }

  /** One attempt, no retry. */
  public static SmokeRetry once() {
    return new SmokeRetry(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC(),
        Sleeper.threadSleep());
  }

  /**
   * At most half the activity's start-to-close timeout: a release that keeps failing must be
   * reported as failing (a rollback), not time the activity out (a failed run) when a short
   * deploy timeout is configured. Outside an activity (unit tests) the deadline as given.
   */
  private static Duration withinActivityTimeout(Duration deadline) {
    try {
      Duration startToClose = Activity.getExecutionContext().getInfo().getStartToCloseTimeout();
      return startToClose.isZero() || startToClose.dividedBy(2).compareTo(deadline) >= 0
          ? deadline : startToClose.dividedBy(2);
    } catch (IllegalStateException | NullPointerException notInAnActivity) {
      return deadline;
    }
  }

  /** The first passing result, or the last failing one with how many attempts it took. */
  public SmokeResult run(Supplier<SmokeResult> attempt) {
    long start = clock.millis();
    Duration deadline = withinActivityTimeout(this.deadline);
    Duration pause = firstPause;
    for (int n = 1; ; n++) {
      SmokeResult result = attempt.get();
      if (result.passed()) {
        return n == 1 ? result : new SmokeResult(true, result.checks(), 0, result.detail() + " (attempt " + n + ")");
      }
      long left = start + deadline.toMillis() - clock.millis();
      if (left <= 0) {
        return n == 1 ? result : new SmokeResult(false, result.checks(), result.failures(),
            result.detail() + " (still failing after " + n + " attempts over " + (clock.millis() - start) / 1000 + "s)");
      }
      try {
        sleeper.sleep(Duration.ofMillis(Math.min(pause.toMillis(), left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Activity.wrap(e);
      }
      pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
    }
  }
}
