package dev.runbook.workflows.kit;

/** Who hears about a notification: the team channel, or the on-call pager. */
public enum Severity {
  INFO,
  WARNING,
  PAGE
}
