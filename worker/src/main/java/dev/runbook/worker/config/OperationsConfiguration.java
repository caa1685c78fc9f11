package dev.runbook.worker.config;

import dev.runbook.activities.hosted.HttpHealth;
import dev.runbook.activities.hosted.MultiPlatformActivitiesImpl;
import dev.runbook.activities.operations.HealthCheckActivitiesImpl;
import dev.runbook.activities.operations.HealthProbes;
import dev.runbook.activities.operations.OperationReportStore;
import dev.runbook.activities.platform.PlatformActivitiesImpl;
import dev.runbook.activities.policy.PolicyCatalog;
import java.net.http.HttpClient;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled operations' activities (bean names as listed under
 * {@code spring.temporal.workers[0].activity-beans}), composed from the activities that already
 * talk to each system.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  @Bean
  HealthCheckActivitiesImpl healthCheckActivities(PolicyCatalog catalog, OperationsProperties operations,
      PlatformActivitiesImpl platformActivities, MultiPlatformActivitiesImpl multiPlatformActivities,
      SchemaMigrationTargets targets, HttpClient http, ActivitiesConfiguration.MetricSourceLookup metricSources,
      @Value("${server.port:8081}") int port) {
    String workerUrl = operations.workerHealthUrl() != null ? operations.workerHealthUrl()
        : "http://127.0.0.1:" + port + "/actuator/health";
    return new HealthCheckActivitiesImpl(catalog, new HealthProbes(platformActivities, multiPlatformActivities,
        operations.hostedServices(), targets::migrationTarget, new HttpHealth(http, Duration.ofSeconds(5)), workerUrl,
        metricSources));
  }

  @Bean
  OperationReportStore operationReportActivities(DataSource dataSource) {
    return new OperationReportStore(dataSource);
  }
}
