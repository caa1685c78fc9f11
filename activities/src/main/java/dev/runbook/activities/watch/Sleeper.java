package dev.runbook.activities.watch;

import java.time.Duration;

/**
 * Waiting between two polls of a watch. Separate from the clock so tests can run a four-hour window
 * in milliseconds: their sleeper advances a virtual clock instead of blocking.
 */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  /** The real one. */
  static Sleeper threadSleep() {
    return d -> Thread.sleep(d.toMillis());
  }
}
