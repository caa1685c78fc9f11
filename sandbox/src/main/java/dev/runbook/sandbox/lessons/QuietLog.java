package dev.runbook.sandbox.lessons;

import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a recurring warning at most once per interval. A broken database or document would
 * otherwise log on every session, forty times a second, and bury everything else.
 */
final class QuietLog {

  private final Logger log;
  private final long intervalMillis;
  private final LongSupplier clock;
  private long nextAllowed = Long.MIN_VALUE;
  private long suppressed;

  QuietLog(Logger log, long intervalMillis, LongSupplier clock) {
    this.log = log;
    this.intervalMillis = intervalMillis;
    this.clock = clock;
  }

  synchronized void warn(String message, Throwable cause) {
    long now = clock.getAsLong();
    if (now < nextAllowed) {
      suppressed++;
      return;
    }
    nextAllowed = now + intervalMillis;
    String more = suppressed > 0 ? " (" + suppressed + " similar warnings suppressed)" : "";
    suppressed = 0;
    if (cause != null) {
      log.warn(message + more, cause);
    } else {
      log.warn(message + more);
    }
  }
}
