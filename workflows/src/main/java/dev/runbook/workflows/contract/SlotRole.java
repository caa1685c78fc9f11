package dev.runbook.workflows.contract;

/** Role of a colour in blue-green: serving, kept warm for rollback, or holding nothing. */
public enum SlotRole {
  LIVE,
  CANARY,
  STANDBY,
  RETIRED,
  EMPTY
}
