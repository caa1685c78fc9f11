package dev.runbook.starter;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Refusal;

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

  /**
   * Exit code of a finished run; a run without an outcome counts as failed. A refused run moved
   * nothing, so it is bad input, not a deploy failure; a lost run's fate is unknown: failed.
   */
  public static int of(Outcome outcome) {
    if (outcome == null) {
      return FAILED;
    }
    return switch (outcome) {
      case SUCCEEDED -> SUCCEEDED;
      case ROLLED_BACK -> ROLLED_BACK;
      case ABORTED -> ABORTED;
      case FAILED, LOST -> FAILED;
      case REFUSED -> BAD_INPUT;
    };
  }

  /** Exit code of a run whose workflow failed with {@code failureType}: 64 for any refusal. */
  public static int ofFailure(String failureType) {
    return Refusal.fromFailureType(failureType).isPresent() ? BAD_INPUT : FAILED;
  }
}
