package dev.runbook.workflows.contract;

/** Who hears about a notification: the team channel, or the on-call pager. */
public enum Severity {
  INFO,
  WARNING,
  PAGE
}
