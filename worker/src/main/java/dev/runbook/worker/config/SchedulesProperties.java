package dev.runbook.worker.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code runbook.schedules}: whether the worker creates the scheduled operations at start-up
 * (default true), and per schedule name a cron spec (UTC) replacing the default.
 */
@ConfigurationProperties("runbook.schedules")
public record SchedulesProperties(Boolean enabled, Map<String, String> cron) {
  public SchedulesProperties {
    enabled = enabled == null || enabled;
    cron = cron == null ? Map.of() : Map.copyOf(cron);
  }
}
