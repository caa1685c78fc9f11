package dev.runbook.workflows.api;

/** Where a run is now; the `status` query reports it and the CLI draws it. */
public enum Phase {
  STARTING,
  CLEARING_PREVIOUS_RUN,
  VALIDATING,
  PUBLISHING,
  MIGRATING,
  DEPLOYING,
  SMOKE_TESTING,
  SHIFTING_TRAFFIC,
  WATCHING,
  AWAITING_APPROVAL,
  CUTTING_OVER,
  RETIRING_OLD,
  ROLLING_BACK,
  WRITING_REPORT,
  DONE;

  public boolean isTerminal() {
    return this == DONE;
  }

  /** Only in these phases does a promote mean something. */
  public boolean acceptsPromotion() {
    return this == WATCHING || this == AWAITING_APPROVAL;
  }
}
