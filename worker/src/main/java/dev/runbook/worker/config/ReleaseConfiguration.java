package dev.runbook.worker.config;

import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.activities.metrics.MetricSources;
import dev.runbook.activities.metrics.PrometheusMetricSource;
import dev.runbook.activities.platform.PlatformActivitiesImpl;
import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.activities.release.ReleaseActivitiesImpl;
import dev.runbook.activities.release.ReleaseEnvironment;
import dev.runbook.activities.release.RegistryStagingFirst;
import dev.runbook.workflows.contract.HttpCheck;
import dev.runbook.workflows.contract.ReleasePolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The release activities ({@code releaseActivities} in the worker's activity-beans) from
 * {@code runbook.release}: the worker refuses to start on a release environment that is not a
 * configured environment, an unknown strategy or a malformed check, naming each.
 */
@Configuration(proxyBeanMethods = false)
class ReleaseConfiguration {

  @Bean
  ReleaseActivitiesImpl releaseActivities(ReleaseProperties release, RunbookProperties properties,
      PolicyCatalog catalog, PlatformActivitiesImpl platformActivities, DataSource dataSource, HttpClient http,
      SandboxEnvironments sandboxes) {
    List<String> problems = problems(release, catalog);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid runbook.release configuration:\n  - " + String.join("\n  - ", problems));
    }
    Map<String, ReleaseEnvironment> environments = new LinkedHashMap<>();
    release.environments().forEach((name, env) -> {
      EnvironmentSettings shared = catalog.environment(name).orElseThrow();
      environments.put(name, new ReleaseEnvironment(policy(name, env), shared.platform(), shared.services(),
          env.publicUrl()));
    });
    Map<String, MetricSource> sources = new HashMap<>();
    if (properties.sandboxUrl() != null) {
      sources.put(PropertiesCheck.SANDBOX, sandboxes.metrics(properties.sandboxUrl(), http));
    }
    if (properties.prometheusUrl() != null) {
      sources.put(PropertiesCheck.PROMETHEUS, new PrometheusMetricSource(properties.prometheusUrl(), http, Clock.systemUTC()));
    }
    return new ReleaseActivitiesImpl(environments, platformActivities, MetricSources.byEnvironment(catalog, sources),
        dataSource, http);
  }

  @Bean
  RegistryStagingFirst stagingFirstActivities(ReleaseProperties release, PolicyCatalog catalog, DataSource dataSource) {
    List<String> problems = new ArrayList<>();
    release.stagingFirst().forEach((env, first) -> {
      for (String name : List.of(env, first)) {
        if (catalog.environment(name).isEmpty()) {
          problems.add("runbook.release.staging-first." + env + ": no environment '" + name + "' under runbook.environments");
        }
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid runbook.release configuration:\n  - " + String.join("\n  - ", problems));
    }
    return new RegistryStagingFirst(release.stagingFirst(), dataSource);
  }

  static ReleasePolicy policy(String name, ReleaseProperties.Environment env) {
    List<HttpCheck> checks = env.checks().stream()
        .map(c -> new HttpCheck(c.name(), c.path(), c.expectStatus(), c.expectBody())).toList();
    return new ReleasePolicy(name, env.strategy(), env.approval(), env.maintenance(), env.rollbackTest(),
        env.userMessage(), checks, env.maxErrorRate(), env.maxP95().toMillis(), env.extendedMonitoring().toSeconds(),
        env.rollBackOnLaterFailure());
  }

  static List<String> problems(ReleaseProperties release, PolicyCatalog catalog) {
    List<String> problems = new ArrayList<>();
    release.environments().forEach((name, env) -> {
      String at = "runbook.release.environments." + name;
      Optional<EnvironmentSettings> shared = catalog.environment(name);
      if (shared.isEmpty()) {
        problems.add(at + ": no such environment under runbook.environments (" + String.join(", ",
            catalog.environmentNames()) + ")");
      }
      if (!ReleasePolicy.BLUE_GREEN.equals(env.strategy())) {
        problems.add(at + ".strategy: '" + env.strategy() + "' is not a strategy this worker runs (blue-green)");
      }
      if (env.maxErrorRate() < 0 || env.maxErrorRate() > 100) {
        problems.add(at + ".max-error-rate: " + env.maxErrorRate() + " is not a percentage from 0 to 100");
      }
      if (env.maxP95().isNegative() || env.maxP95().isZero() || env.extendedMonitoring().isNegative()) {
        problems.add(at + ": max-p95 must be positive and extended-monitoring not negative");
      }
      if (!env.checks().isEmpty() && env.publicUrl() == null) {
        problems.add(at + ".public-url: required for its checks");
      }
      for (int i = 0; i < env.checks().size(); i++) {
        ReleaseProperties.Check c = env.checks().get(i);
        if (c.name() == null || c.name().isBlank() || c.path() == null || !c.path().startsWith("/")) {
          problems.add(at + ".checks[" + i + "]: needs a name and a path starting with /");
        }
      }
    });
    return problems;
  }
}
