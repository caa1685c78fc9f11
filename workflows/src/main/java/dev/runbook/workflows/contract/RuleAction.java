package dev.runbook.workflows.contract;

/** What happens when a rule fires. */
public enum RuleAction {
  NOTIFY,
  PAGE,
  ROLLBACK
}
