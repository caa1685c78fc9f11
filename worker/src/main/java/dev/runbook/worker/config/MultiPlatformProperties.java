package dev.runbook.worker.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code runbook.multi-platform.environments.<env>}: the hosted platforms a multi-platform deploy
 * goes to in that environment, in deploy order (seed 002: Fly.io primary, Railway secondary, Render
 * tertiary). Kept apart from {@code runbook.environments} because these are platforms of their own,
 * not the environment's blue-green platform. Checked at start-up by {@link MultiPlatformConfiguration}.
 */
@ConfigurationProperties("runbook.multi-platform")
public record MultiPlatformProperties(Map<String, List<HostedPlatformProperties>> environments) {
  public MultiPlatformProperties {
    environments = environments == null ? Map.of() : environments;
  }
}
