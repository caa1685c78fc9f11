package dev.runbook.sandbox.maintenance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The sandbox's maintenance switch. While on, the public API (the router) answers 503 with the
 * message and Retry-After, and the simulated learners start no session. Listeners run before
 * {@link #turnOn}/{@link #turnOff} return, so when the admin call answers "on", no learner write is
 * in flight. Kept in memory: a restarted sandbox comes back out of maintenance, as a restarted
 * platform would serve again; the runbook turns it on again when its step is retried.
 */
public final class MaintenanceMode {
  /** What clients are told to wait when the caller gives no figure. */
  public static final int DEFAULT_RETRY_AFTER_SECONDS = 600;

  private final LongSupplier clock;
  private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
  private volatile MaintenanceState state = MaintenanceState.OFF;

  public MaintenanceMode(LongSupplier clock) {
    this.clock = clock;
  }

  /** {@code listener} is told true on entering maintenance and false on leaving it. */
  public void onChange(Consumer<Boolean> listener) {
    listeners.add(listener);
  }

  public MaintenanceState state() {
    return state;
  }

  /**
   * Idempotent: turning on again keeps the first {@code since} and takes the latest message.
   *
   * @throws IllegalArgumentException for a blank message or a negative Retry-After
   */
  public synchronized MaintenanceState turnOn(String message, Integer retryAfterSeconds) {
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("maintenance needs a message for the platform's users, e.g."
          + " {\"message\":\"Back in 10 minutes\"}");
    }
    int retryAfter = retryAfterSeconds == null ? DEFAULT_RETRY_AFTER_SECONDS : retryAfterSeconds;
    if (retryAfter < 0) {
      throw new IllegalArgumentException("retryAfterSeconds must not be negative, got " + retryAfter);
    }
    boolean entering = !state.on();
    long since = entering ? clock.getAsLong() : state.sinceMillis();
    state = new MaintenanceState(true, message.strip(), since, retryAfter);
    if (entering) {
      listeners.forEach(l -> l.accept(true));
    }
    return state;
  }

  /** Idempotent: off when already off changes nothing. */
  public synchronized MaintenanceState turnOff() {
    if (state.on()) {
      state = MaintenanceState.OFF;
      listeners.forEach(l -> l.accept(false));
    }
    return state;
  }
}
