package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.contract.RuleAction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A watch rule: "{@code metric} {@code comparison} {@code threshold} for {@code forSeconds} →
 * {@code action}". With {@code relativeToStable} the threshold is a factor of the stable colour's
 * reading (1.5 means "50% worse than the baseline"). Readings over fewer than {@code minSamples}
 * requests are inconclusive. {@code query} and {@code samplesQuery} are PromQL for Prometheus
 * sources ({service}, {colour}, {version}, {lookback} are substituted).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchRule(
    String name,
    MetricKind metric,
    Comparison comparison,
    double threshold,
    boolean relativeToStable,
    long forSeconds,
    long lookbackSeconds,
    RuleAction action,
    long minSamples,
    String query,
    String samplesQuery) {

  /** "error-rate: error rate % > 5 for 2m → rollback". */
  public String describe() {
    return name
        + ": "
        + metric.name().toLowerCase().replace('_', ' ')
        + " "
        + comparison.symbol()
        + " "
        + (relativeToStable ? threshold + "× stable" : Double.toString(threshold))
        + (forSeconds > 0 ? " for " + Durations.human(forSeconds) : "")
        + " → "
        + action.name().toLowerCase();
  }
}
