package dev.runbook.starter;

import dev.runbook.workflows.api.Outcome;

/**
 * The documented exit codes of every `runbook` command (sysexits-style for input and
 * availability). CI scripts depend on them: never renumber.
 */
public final class ExitCodes {
  public static final int SUCCEEDED = 0;
  public static final int UNEXPECTED = 1;
  public static final int ROLLED_BACK = 2;
  public static final int ABORTED = 3;
  public static final int FAILED = 4;
  public static final int BAD_INPUT = 64;
  public static final int UNAVAILABLE = 69;

  private ExitCodes() {}

  /** Exit code of a finished run; a run without an outcome counts as failed. */
  public static int of(Outcome outcome) {
    return outcome == null ? FAILED : outcome.exitCode();
  }
}
