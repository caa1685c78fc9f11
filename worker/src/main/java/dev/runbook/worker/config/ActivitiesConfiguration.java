package dev.runbook.worker.config;

import dev.runbook.activities.control.RunControlActivitiesImpl;
import dev.runbook.activities.incident.IncidentActivitiesImpl;
import dev.runbook.activities.lock.TargetLockActivitiesImpl;
import dev.runbook.activities.lock.TemporalHolderLiveness;
import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.activities.metrics.MetricSources;
import dev.runbook.activities.metrics.PrometheusMetricSource;
import dev.runbook.activities.notify.NotificationActivitiesImpl;
import dev.runbook.activities.notify.PagerTarget;
import dev.runbook.activities.platform.CommandTemplatePlatformProvider;
import dev.runbook.activities.platform.CommandTemplates;
import dev.runbook.activities.platform.PlatformActivitiesImpl;
import dev.runbook.activities.platform.SandboxInstanceActivities;
import dev.runbook.activities.platform.SecretReferences;
import dev.runbook.activities.platform.PlatformProvider;
import dev.runbook.activities.policy.PolicyActivitiesImpl;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.activities.registry.RegistryActivitiesImpl;
import dev.runbook.activities.registry.RegistryReader;
import dev.runbook.activities.watch.OpenWatches;
import dev.runbook.activities.watch.Sleeper;
import dev.runbook.activities.watch.WatchActivitiesImpl;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the activity implementations from the checked configuration. Bean names are the ones
 * listed under {@code spring.temporal.workers[*].activity-beans} (the watch bean on the watch worker).
 */
@Configuration(proxyBeanMethods = false)
class ActivitiesConfiguration {
  private static final Logger log = LoggerFactory.getLogger(ActivitiesConfiguration.class);

  @Bean
  PolicyCatalog policyCatalog(RunbookProperties properties) {
    List<String> problems = PropertiesCheck.problems(properties);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid runbook configuration:\n  - " + String.join("\n  - ", problems));
    }
    PropertiesCheck.deprecations(properties).forEach(log::warn);
    return PolicyCatalogFactory.build(properties);
  }

  @Bean
  HttpClient runbookHttpClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Bean
  PolicyActivitiesImpl policyActivities(PolicyCatalog catalog) {
    return new PolicyActivitiesImpl(catalog);
  }

  @Bean
  PlatformActivitiesImpl platformActivities(RunbookProperties properties, SandboxEnvironments sandboxes,
      HttpClient http) {
    Map<String, PlatformProvider> providers = new HashMap<>();
    if (properties.sandboxUrl() != null) {
      providers.put(PropertiesCheck.SANDBOX, sandboxes.platform(properties.sandboxUrl(), http));
    }
    properties.platforms().forEach((name, p) -> providers.put(name, new CommandTemplatePlatformProvider(
        new CommandTemplates(p.describe(), p.deploy(), p.smokeTest(), p.shiftTraffic(), p.markLive(), p.retire(),
            p.timeout(), p.nonRetryableExitCodes(), p.workingDirectory(), p.checkRelease()))));
    return new PlatformActivitiesImpl(providers);
  }

  /** Instances and config: the sandbox's API only so far (other platforms are refused by name). */
  @Bean
  SandboxInstanceActivities instanceActivities(RunbookProperties properties, HttpClient http) {
    return new SandboxInstanceActivities(PropertiesCheck.SANDBOX, properties.sandboxUrl(), http,
        SecretReferences.ofProcess());
  }

  @Bean
  NotificationActivitiesImpl notificationActivities(DataSource dataSource, RunbookProperties properties, HttpClient http) {
    PagerProperties pager = properties.pager();
    return new NotificationActivitiesImpl(dataSource, properties.webhookUrl(),
        pager == null ? null : new PagerTarget(pager.url(), pager.routingKey()), http);
  }

  @Bean
  WatchActivitiesImpl watchActivities(MetricSourceLookup metricSources, NotificationActivitiesImpl notificationActivities,
      IncidentActivitiesImpl incidentActivities, OpenWatches openWatches) {
    return new WatchActivitiesImpl(metricSources, notificationActivities,
        incidentActivities, Clock.systemUTC(), Sleeper.threadSleep(), openWatches);
  }

  /** Each environment's metric source (the watch reads it; the daily health check checks it answers). */
  @Bean
  MetricSourceLookup metricSources(PolicyCatalog catalog, RunbookProperties properties, HttpClient http,
      SandboxEnvironments sandboxes) {
    Map<String, MetricSource> sources = new HashMap<>();
    if (properties.sandboxUrl() != null) {
      sources.put(PropertiesCheck.SANDBOX, sandboxes.metrics(properties.sandboxUrl(), http));
    }
    if (properties.prometheusUrl() != null) {
      sources.put(PropertiesCheck.PROMETHEUS, new PrometheusMetricSource(properties.prometheusUrl(), http, Clock.systemUTC()));
    }
    return MetricSources.byEnvironment(catalog, sources)::apply;
  }

  /** A named type for the lookup, so it is one bean and not any {@code Function}. */
  interface MetricSourceLookup extends java.util.function.Function<String, MetricSource> {}

  @Bean
  RegistryActivitiesImpl registryActivities(DataSource dataSource) {
    return new RegistryActivitiesImpl(dataSource);
  }

  @Bean
  RegistryReader registryReader(DataSource dataSource) {
    return new RegistryReader(dataSource);
  }

  @Bean
  RunControlActivitiesImpl runControlActivities(WorkflowClient client) {
    return new RunControlActivitiesImpl(client);
  }

  @Bean
  IncidentActivitiesImpl incidentActivities(WorkflowClient client, PolicyCatalog catalog, RunbookProperties properties) {
    return new IncidentActivitiesImpl(client, catalog, properties.taskQueue());
  }

  @Bean
  TargetLockActivitiesImpl targetLockActivities(DataSource dataSource, WorkflowClient client) {
    return new TargetLockActivitiesImpl(dataSource, new TemporalHolderLiveness(client));
  }
}
