package dev.runbook.activities.metrics;

import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.WatchRule;
import java.util.Map;

/** One metric source name served per environment, with a default (see {@code PerEnvironmentPlatform}). */
public final class PerEnvironmentMetricSource implements MetricSource {
  private final MetricSource fallback;
  private final Map<String, MetricSource> byEnvironment;

  public PerEnvironmentMetricSource(MetricSource fallback, Map<String, MetricSource> byEnvironment) {
    this.fallback = fallback;
    this.byEnvironment = Map.copyOf(byEnvironment);
  }

  @Override
  public MetricReading read(WatchRule rule, String service, String environment, String colour, String version) {
    return byEnvironment.getOrDefault(environment, fallback).read(rule, service, environment, colour, version);
  }
}
