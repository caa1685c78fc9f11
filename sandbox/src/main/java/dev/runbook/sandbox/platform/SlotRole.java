package dev.runbook.sandbox.platform;

/** What a slot is doing for its service; the deploy state machine moves slots between these. */
public enum SlotRole {
  /** Serves as the service's live colour. */
  LIVE,
  /** Runs a new release that is not live yet; may carry part of the traffic. */
  CANARY,
  /** The previous live colour, still running so a rollback is instant. */
  STANDBY,
  /** Stopped; the version it last ran is kept for information. */
  RETIRED,
  /** Has never run a release. */
  EMPTY;

  /** Whether a slot in this role has a server answering requests. */
  public boolean running() {
    return this == LIVE || this == CANARY || this == STANDBY;
  }
}
