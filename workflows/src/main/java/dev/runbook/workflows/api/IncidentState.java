package dev.runbook.workflows.api;

/** Where an incident is. */
public enum IncidentState {
  /** Paging until someone acknowledges. */
  OPEN,
  /** Someone acknowledged; escalation re-arms if it is not resolved within the ack timeout. */
  ACKNOWLEDGED,
  /** Resolved; the post-incident report is due. A new page reopens it. */
  RESOLVED,
  /** Report filed (or overdue): the run has ended. */
  CLOSED;

  /** Acknowledge and resolve are accepted only while the incident is open. */
  public boolean isOpen() {
    return this == OPEN || this == ACKNOWLEDGED;
  }
}
