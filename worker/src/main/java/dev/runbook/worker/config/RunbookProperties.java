package dev.runbook.worker.config;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code runbook:} in application.yml. Checked at start-up by {@link
 * PropertiesCheck}: the worker refuses to start on a bad policy, naming every problem.
 *
 * @param localStack true only on the embedded stack: turns sticky execution off, because the
 *     Java test server never times out a dead worker's sticky queue (never in production)
 * @param sandboxUrl admin URL of the local sandbox platform
 * @param prometheusUrl base URL of the Prometheus HTTP API, for environments with metrics prometheus
 * @param webhookUrl where notifications are POSTed as Slack messages (optional)
 * @param pager where PAGE notifications are triggered as PagerDuty events (optional)
 * @param snapshots where schema-migration snapshots go and pg_dump is found (optional)
 */
@ConfigurationProperties("runbook")
public record RunbookProperties(
    @DefaultValue("runbook") String taskQueue,
    @DefaultValue("false") boolean localStack,
    URI sandboxUrl,
    URI prometheusUrl,
    URI webhookUrl,
    PagerProperties pager,
    Map<String, EnvironmentProperties> environments,
    Map<String, CommandPlatformProperties> platforms,
    SnapshotProperties snapshots) {

  @ConstructorBinding
  public RunbookProperties {
    environments = environments == null ? Map.of() : environments;
    platforms = platforms == null ? Map.of() : platforms;
    snapshots = snapshots == null ? SnapshotProperties.DEFAULTS : snapshots;
  }

  /** Without a snapshots section (its defaults). */
  public RunbookProperties(String taskQueue, boolean localStack, URI sandboxUrl, URI prometheusUrl, URI webhookUrl,
      PagerProperties pager, Map<String, EnvironmentProperties> environments,
      Map<String, CommandPlatformProperties> platforms) {
    this(taskQueue, localStack, sandboxUrl, prometheusUrl, webhookUrl, pager, environments, platforms, null);
  }
}
