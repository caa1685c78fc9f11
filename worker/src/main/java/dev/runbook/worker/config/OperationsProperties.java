package dev.runbook.worker.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code runbook.operations}: what the scheduled operations look at beyond the environments.
 *
 * @param workerHealthUrl the worker's own health endpoint, which the daily health check GETs
 *     (default: this worker's actuator on loopback)
 * @param hostedServices the services the hosted platforms ({@code runbook.multi-platform}) serve,
 *     checked on each of them daily (seed 002: web)
 */
@ConfigurationProperties("runbook.operations")
public record OperationsProperties(String workerHealthUrl, List<String> hostedServices) {
  public OperationsProperties {
    hostedServices = hostedServices == null ? List.of("web") : List.copyOf(hostedServices);
  }
}
