package dev.runbook.workflows.api;

/** How a run ended. The CLI maps each to its documented exit code. */
public enum Outcome {
  SUCCEEDED(0),
  ROLLED_BACK(2),
  ABORTED(3),
  FAILED(4),
  /** The registry's verdict on a run the embedded server forgot across a restart. */
  LOST(4);

  private final int exitCode;

  Outcome(int exitCode) {
    this.exitCode = exitCode;
  }

  /** Exit code of `runbook ... --wait` and `runbook status --watch` for this outcome. */
  public int exitCode() {
    return exitCode;
  }

  /** True when traffic is back on the previous release (compensations ran). */
  public boolean reverted() {
    return this == ROLLED_BACK || this == ABORTED;
  }
}
