package dev.runbook.worker.config;

import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.activities.metrics.PerEnvironmentMetricSource;
import dev.runbook.activities.metrics.SandboxMetricSource;
import dev.runbook.activities.platform.PerEnvironmentPlatform;
import dev.runbook.activities.platform.PlatformProvider;
import dev.runbook.activities.platform.SandboxPlatformProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code runbook.sandbox-environments.<env>}: the admin API of the sandbox that serves one
 * environment (the embedded stack's dev, staging and production each have a sandbox of their own;
 * {@code runbook dev} sets them). Environments not named here use {@code runbook.sandbox-url}.
 */
@ConfigurationProperties("runbook")
public record SandboxEnvironments(Map<String, URI> sandboxEnvironments) {

  public SandboxEnvironments {
    sandboxEnvironments = sandboxEnvironments == null ? Map.of() : Map.copyOf(sandboxEnvironments);
  }

  /** The sandbox platform: the main sandbox, and each environment's own where it has one. */
  PlatformProvider platform(URI main, HttpClient http) {
    Map<String, PlatformProvider> own = new LinkedHashMap<>();
    sandboxEnvironments.forEach((env, url) -> own.put(env, new SandboxPlatformProvider(url, http)));
    return new PerEnvironmentPlatform(new SandboxPlatformProvider(main, http), own);
  }

  /** The sandbox's counters, read from the sandbox of the environment asked about. */
  MetricSource metrics(URI main, HttpClient http) {
    Map<String, MetricSource> own = new LinkedHashMap<>();
    sandboxEnvironments.forEach((env, url) -> own.put(env, new SandboxMetricSource(url, http, Clock.systemUTC())));
    return new PerEnvironmentMetricSource(new SandboxMetricSource(main, http, Clock.systemUTC()), own);
  }
}
