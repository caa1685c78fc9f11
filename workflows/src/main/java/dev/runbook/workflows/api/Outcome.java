package dev.runbook.workflows.api;

/** How a run ended; a search attribute and the registry's outcome column. The CLI maps each to an exit code. */
public enum Outcome {
  SUCCEEDED,
  ROLLED_BACK,
  ABORTED,
  FAILED,
  /** Nothing moved: bad input, a target held by another run, a policy refusal ({@link Refusal}). */
  REFUSED,
  /** The registry's verdict on a run the embedded server forgot across a restart. */
  LOST;

  /** True when traffic is back on the previous release (compensations ran). */
  public boolean reverted() {
    return this == ROLLED_BACK || this == ABORTED;
  }

  /** True when the run changed nothing, so its target is exactly as before it started. */
  public boolean changedNothing() {
    return this == REFUSED;
  }
}
