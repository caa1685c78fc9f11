package dev.runbook.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** runbook.multi-platform: platforms in configured order; a bad entry stops the worker, naming its path. */
class MultiPlatformConfigurationTest {
  private static HostedPlatformProperties platform(String name, String adapter, String image) {
    return new HostedPlatformProperties(name, "primary", adapter, Duration.ofSeconds(5), null, "learning-web", image,
        "https://example.com/health", null, null, Map.of("web", "srv-1"), null);
  }

  @Test
  void platformsKeepTheirConfiguredOrder() {
    var activities = MultiPlatformConfiguration.build(new MultiPlatformProperties(Map.of("production", List.of(
        platform("fly", "flyctl", "registry.fly.io/{service}:{version}"),
        platform("render", "render", "ghcr.io/acme/{service}:{version}")))), null, HttpClient.newHttpClient());
    assertThat(activities.planPlatforms("production", null)).extracting(t -> t.name()).containsExactly("fly", "render");
  }

  @Test
  void anUnknownAdapterARepeatedNameOrASandboxWithoutItsUrlIsRefusedAtStartUp() {
    assertThatThrownBy(() -> MultiPlatformConfiguration.build(new MultiPlatformProperties(Map.of("production", List.of(
        platform("fly", "heroku", "r/{service}:{version}"), platform("fly", "flyctl", "r/{service}:{version}"),
        platform("local", "sandbox", null), platform("rw", "flyctl", "r/web:latest")))), null, HttpClient.newHttpClient()))
        .hasMessageContaining("runbook.multi-platform.environments.production[0]: adapter 'heroku' is not one of")
        .hasMessageContaining("production[1].name 'fly' must be a unique platform name")
        .hasMessageContaining("production[2]: adapter sandbox but runbook.sandbox-url is not set")
        .hasMessageContaining("production[3]: image must end with :{version}");
    assertThat(MultiPlatformConfiguration.build(new MultiPlatformProperties(Map.of("local", List.of(
        platform("fly", "sandbox", null)))), URI.create("http://127.0.0.1:7300"), HttpClient.newHttpClient())
        .planPlatforms("local", List.of("fly"))).hasSize(1);
  }
}
