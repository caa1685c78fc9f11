package dev.runbook.activities.metrics;

import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.WatchRule;

/**
 * Where the watch reads a rule's metric for one colour. Implementations never throw for a bad
 * read: an outage, an empty query or garbage come back as a {@link MetricReading} with a {@code
 * problem}, which the rule evaluator counts as inconclusive (never as healthy). That keeps one
 * flaky scrape from ending a four-hour watch.
 */
public interface MetricSource {

  /**
   * @param version the release on {@code colour}; null only in watches of runs started before the
   *     stable side's version was sent
   */
  MetricReading read(WatchRule rule, String service, String environment, String colour, String version);

  /** The lookback a rule reads over; rules that leave it at 0 get one minute. */
  static long lookbackSeconds(WatchRule rule) {
    return rule.lookbackSeconds() > 0 ? rule.lookbackSeconds() : 60;
  }
}
