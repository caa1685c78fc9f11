package dev.runbook.activities.metrics;

import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.PolicyCatalog;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the watch's "environment → metric source" lookup from the policy catalog (each
 * environment names its source) and the sources the worker created by name. Checked when built,
 * so an environment pointing at a source nobody configured stops the worker at start-up.
 */
public final class MetricSources {
  public static final String UNKNOWN_ENVIRONMENT = "UnknownEnvironment";

  private MetricSources() {}

  public static Function<String, MetricSource> byEnvironment(PolicyCatalog catalog, Map<String, MetricSource> byName) {
    Map<String, MetricSource> byEnvironment = new TreeMap<>();
    for (Map.Entry<String, EnvironmentSettings> env : catalog.environments().entrySet()) {
      MetricSource source = byName.get(env.getValue().metricsSource());
      if (source == null) {
        throw new IllegalArgumentException("environment '" + env.getKey() + "' reads metrics from '"
            + env.getValue().metricsSource() + "', but the configured sources are " + new TreeMap<>(byName).keySet());
      }
      byEnvironment.put(env.getKey(), source);
    }
    return environment -> {
      MetricSource source = environment == null ? null : byEnvironment.get(environment);
      if (source == null) {
        throw ApplicationFailure.newNonRetryableFailure(
            "no metric source for environment '" + environment + "'; known: " + String.join(", ", byEnvironment.keySet()),
            UNKNOWN_ENVIRONMENT);
      }
      return source;
    };
  }
}
