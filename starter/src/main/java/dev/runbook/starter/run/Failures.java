package dev.runbook.starter.run;

import dev.runbook.workflows.api.Refusal;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Optional;

/** Turns Temporal exceptions into the sentence a person needs. */
public final class Failures {
  private Failures() {}

  /**
   * The most useful message in a failure chain: the first application failure's own message (a
   * validator's or a workflow's reason), else a termination/timeout/cancel, else the root cause.
   */
  public static String message(Throwable error) {
    TemporalFailure firstTemporal = null;
    Throwable root = error;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af) {
        return af.getOriginalMessage();
      }
      if (t instanceof TerminatedFailure tf) {
        return "terminated" + suffix(tf.getOriginalMessage());
      }
      if (t instanceof TimeoutFailure tf) {
        return "timed out" + suffix(tf.getOriginalMessage());
      }
      if (t instanceof CanceledFailure cf) {
        return "canceled" + suffix(cf.getOriginalMessage());
      }
      if (firstTemporal == null && t instanceof TemporalFailure tf) {
        firstTemporal = tf;
      }
      root = t;
      if (t.getCause() == t) {
        break;
      }
    }
    if (firstTemporal != null) {
      return firstTemporal.getOriginalMessage();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /**
   * The refusal a failed run ended with: the type of the first application failure in the chain,
   * looked up in {@link Refusal} (never the message). Empty when the run failed for another reason.
   */
  public static Optional<Refusal> refusal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af) {
        return Refusal.fromFailureType(af.getType());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /** The workflow id is unknown to Temporal (or its run is gone). */
  public static boolean isNotFound(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof WorkflowNotFoundException) {
        return true;
      }
      if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Temporal itself did not answer (as opposed to a slow worker behind a query). */
  public static boolean isUnavailable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNAVAILABLE) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String suffix(String message) {
    return message == null || message.isBlank() ? "" : ": " + message;
  }
}
