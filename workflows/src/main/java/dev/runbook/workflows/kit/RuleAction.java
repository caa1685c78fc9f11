package dev.runbook.workflows.kit;

/** What happens when a rule fires. */
public enum RuleAction {
  NOTIFY,
  PAGE,
  ROLLBACK
}
