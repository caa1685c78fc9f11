package dev.runbook.workflows.kit;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;

/** Reading Temporal failures: was it a cancellation, and the message a person should see. */
public final class Failures {

  /** True when a cancellation (an abort, a promote ending a watch) is anywhere in the cause chain. */
  public static boolean isCancellation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CanceledFailure) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message: what the activity said, not the SDK's wrappers around it. */
  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String message = t instanceof ApplicationFailure af ? af.getOriginalMessage() : t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }

  private Failures() {}
}
