package dev.runbook.workflows.api;

/** What one evaluation of a watch rule concluded. */
public enum RuleVerdict {
  /** Conclusive reading inside the threshold. */
  OK,
  /** Threshold crossed, but not yet for the rule's `for` duration. */
  PENDING,
  /** Threshold crossed for the whole `for` duration: the rule's action is due. */
  FIRING,
  /** No usable reading (NaN, empty, stale, error, too few samples): never counts as a pass. */
  INCONCLUSIVE;

  public boolean isConclusivePass() {
    return this == OK;
  }
}
