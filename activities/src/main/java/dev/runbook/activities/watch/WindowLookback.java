package dev.runbook.activities.watch;

import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.workflows.contract.WatchRule;

/**
 * The canary is read over no more than the time since its watch window began. A rule's lookback
 * reaching back before the window could count an earlier deployment on the same colour, even of
 * the same version: a deploy retried right after a rollback was measured breaching within 0.1 s,
 * on the previous attempt's errors. Early in a window the shorter lookback has fewer samples, so
 * the rule's {@code minSamples} keeps those readings inconclusive until they count.
 */
final class WindowLookback {
  private WindowLookback() {}

  /** {@code rule} with its lookback cut to the seconds since {@code windowStartMillis} (at least 1). */
  static WatchRule sinceWindowStart(WatchRule rule, long nowMillis, long windowStartMillis) {
    long since = Math.max(1, (nowMillis - windowStartMillis + 999) / 1000);
    if (since >= MetricSource.lookbackSeconds(rule)) {
      return rule;
    }
    return new WatchRule(rule.name(), rule.metric(), rule.comparison(), rule.threshold(), rule.relativeToStable(),
        rule.forSeconds(), since, rule.action(), rule.minSamples(), rule.query(), rule.samplesQuery());
  }
}
