package dev.runbook.workflows.contract;

/** How a watch window ended, as a directive for the workflow (cf. Spinnaker's health-gate directives). */
public enum WatchResult {
  /** Every rollback rule read conclusively and none fired: continue. */
  HEALTHY,
  /** A rollback rule held for its `for` duration: roll back now. */
  ROLLBACK,
  /** The window ended without enough usable readings: never a pass; a person decides. */
  INCONCLUSIVE
}
