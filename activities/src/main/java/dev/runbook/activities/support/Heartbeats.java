package dev.runbook.activities.support;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.Optional;

/**
 * Heartbeats from helpers that also run outside an activity (unit tests, the CLI's local tools).
 * Inside an activity, a heartbeat is how a cancellation reaches long work; its {@code
 * ActivityCompletionException} is deliberately not caught here, so callers stop and rethrow it.
 */
public final class Heartbeats {
  private Heartbeats() {}

  /** The current activity's context, or empty when not called from an activity thread. */
  public static Optional<ActivityExecutionContext> context() {
    try {
      return Optional.of(Activity.getExecutionContext());
    } catch (IllegalStateException notInActivity) {
      return Optional.empty();
    }
  }

  public static void beat(Object details) {
    context().ifPresent(ctx -> ctx.heartbeat(details));
  }
}
