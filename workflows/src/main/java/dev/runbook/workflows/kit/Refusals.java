package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Refusal;
import io.temporal.failure.ApplicationFailure;

/** Which {@link Refusal} a problem is: by the failure type an activity refused with, never by its message. */
public final class Refusals {
  private Refusals() {}

  /** The refusal an activity failed with (its ApplicationFailure type), or {@code otherwise}. */
  public static Refusal of(Throwable failure, Refusal otherwise) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af && af.getType() != null) {
        return Refusal.fromFailureType(af.getType()).orElse(otherwise);
      }
    }
    return otherwise;
  }
}
