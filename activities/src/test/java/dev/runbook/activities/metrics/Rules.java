package dev.runbook.activities.metrics;

import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchRule;

/** Watch rules for tests. */
public final class Rules {
  private Rules() {}

  public static WatchRule rule(String name, MetricKind metric, double threshold, long forSeconds, RuleAction action) {
    return new WatchRule(name, metric, Comparison.GREATER_THAN, threshold, false, forSeconds, 30, action, 0, null, null);
  }

  public static WatchRule custom(String name, String query, String samplesQuery) {
    return new WatchRule(name, MetricKind.CUSTOM, Comparison.GREATER_THAN, 1, false, 0, 30, RuleAction.ROLLBACK, 0,
        query, samplesQuery);
  }
}
