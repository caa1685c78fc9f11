package dev.runbook.workflows.kit;

/**
 * Thrown inside a run's forward path when it must roll back: a rule fired, a smoke test failed,
 * an approval timed out. Caught by the run's lifecycle, never leaves the workflow method.
 */
public final class RollbackTrigger extends RuntimeException {
  private final String trigger;
  private final Long breachStartedAtMillis;

  public RollbackTrigger(String trigger, String reason, Long breachStartedAtMillis) {
    super(reason, null, false, false);
    this.trigger = trigger;
    this.breachStartedAtMillis = breachStartedAtMillis;
  }

  /** Short machine-friendly name of what triggered it: a rule name, "smoke-test", "approval-timeout". */
  public String trigger() {
    return trigger;
  }

  public Long breachStartedAtMillis() {
    return breachStartedAtMillis;
  }
}
