package dev.runbook.worker.config;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Spring Boot's {@code db} health indicator (same bean name) by {@link
 * DatabaseHealthIndicator}, which answers DOWN within {@code runbook.db-health-timeout} when the
 * runbook's database does not answer.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealthConfiguration {

  @Bean("dbHealthIndicator")
  DatabaseHealthIndicator dbHealthIndicator(DataSource dataSource,
      @Value("${spring.datasource.url:}") String url,
      @Value("${runbook.db-health-timeout:3s}") Duration timeout) {
    return new DatabaseHealthIndicator(dataSource, DatabaseHealthIndicator.name(url), timeout);
  }
}
