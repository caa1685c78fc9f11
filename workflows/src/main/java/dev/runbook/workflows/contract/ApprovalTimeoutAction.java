package dev.runbook.workflows.contract;

/** What a manual gate does when nobody promotes in time. */
public enum ApprovalTimeoutAction {
  /** Keep traffic where it is, remind the approvers every reminder interval, keep waiting. */
  HOLD_AND_REMIND,
  /** Give up: run the compensations and end ROLLED_BACK. */
  ROLLBACK
}
