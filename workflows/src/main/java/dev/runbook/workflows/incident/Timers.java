package dev.runbook.workflows.incident;

import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Durable waits: a server-side timer (named in the UI) raced against a condition the handlers
 * change. A worker restart loses no timer and fires none twice: the timer lives in history.
 */
public final class Timers {
  private Timers() {}

  /**
   * Waits until {@code atMillis} (workflow time) or until {@code until} holds, whichever is first;
   * true when the condition ended the wait. A due time already past waits for nothing.
   */
  public static boolean awaitUntil(long atMillis, String summary, Supplier<Boolean> until) {
    long millis = atMillis - Workflow.currentTimeMillis();
    if (until.get()) {
      return true;
    }
    if (millis <= 0) {
      return false;
    }
    Promise<?>[] timer = new Promise<?>[1];
    CancellationScope scope = Workflow.newCancellationScope(() -> timer[0] =
        Workflow.newTimer(Duration.ofMillis(millis), TimerOptions.newBuilder().setSummary(summary).build()));
    scope.run();
    Workflow.await(() -> timer[0].isCompleted() || until.get());
    if (until.get()) {
      if (!timer[0].isCompleted()) {
        scope.cancel(); // a timer left behind would still fire, and lengthen history, for nothing
      }
      return true;
    }
    return false;
  }
}
