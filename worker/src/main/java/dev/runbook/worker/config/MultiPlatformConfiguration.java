package dev.runbook.worker.config;

import dev.runbook.activities.hosted.ArgvTemplate;
import dev.runbook.activities.hosted.CommandPlatformAdapter;
import dev.runbook.activities.hosted.HostedPlatformSpec;
import dev.runbook.activities.hosted.HttpHealth;
import dev.runbook.activities.hosted.MultiPlatformActivitiesImpl;
import dev.runbook.activities.hosted.PlatformAdapter;
import dev.runbook.activities.hosted.PlatformCommands;
import dev.runbook.activities.hosted.RenderApiAdapter;
import dev.runbook.activities.hosted.SandboxPlatformAdapter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the multi-platform activities from {@code runbook.multi-platform}, refusing to start on a
 * bad entry (unknown adapter, a name twice, an adapter without what it needs), naming its path.
 */
@Configuration(proxyBeanMethods = false)
class MultiPlatformConfiguration {
  static final Set<String> ADAPTERS = Set.of("sandbox", "flyctl", "railway", "render");

  @Bean
  MultiPlatformActivitiesImpl multiPlatformActivities(MultiPlatformProperties properties, RunbookProperties runbook,
      HttpClient http) {
    return build(properties, runbook.sandboxUrl(), http);
  }

  static MultiPlatformActivitiesImpl build(MultiPlatformProperties properties, URI sandboxUrl, HttpClient http) {
    List<String> problems = new ArrayList<>();
    Map<String, List<HostedPlatformSpec>> byEnvironment = new LinkedHashMap<>();
    properties.environments().forEach((env, platforms) -> {
      List<HostedPlatformSpec> specs = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < platforms.size(); i++) {
        HostedPlatformProperties p = platforms.get(i);
        String path = "runbook.multi-platform.environments." + env + "[" + i + "]";
        if (p.name() == null || !p.name().matches("[a-z0-9][a-z0-9-]{0,62}") || !seen.add(p.name())) {
          problems.add(path + ".name '" + p.name() + "' must be a unique platform name");
          continue;
        }
        if (p.healthTimeout().isNegative() || p.healthTimeout().isZero()) {
          problems.add(path + ".health-timeout must be positive");
        }
        try {
          specs.add(new HostedPlatformSpec(p.name(), p.role() == null ? "platform " + (i + 1) : p.role(),
              p.healthTimeout(), adapter(p, sandboxUrl, http)));
        } catch (IllegalArgumentException e) {
          problems.add(path + ": " + e.getMessage());
        }
      }
      byEnvironment.put(env, specs);
    });
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid runbook configuration:\n  - " + String.join("\n  - ", problems));
    }
    return new MultiPlatformActivitiesImpl(byEnvironment, Duration.ofSeconds(1));
  }

  private static PlatformAdapter adapter(HostedPlatformProperties p, URI sandboxUrl, HttpClient http) {
    String adapter = p.adapter() == null ? "" : p.adapter();
    HttpHealth health = new HttpHealth(http, Duration.ofSeconds(10));
    java.io.File dir = p.workingDirectory() == null ? null : p.workingDirectory().toFile();
    switch (adapter) {
      case "sandbox" -> {
        if (sandboxUrl == null) {
          throw new IllegalArgumentException("adapter sandbox but runbook.sandbox-url is not set");
        }
        return new SandboxPlatformAdapter(p.name(), p.sandboxName() == null ? p.name() : p.sandboxName(), sandboxUrl, http);
      }
      case "flyctl" -> {
        PlatformCommands fly = PlatformCommands.flyctl(required(p.app(), "app"), repository(p));
        if (p.healthUrl() != null) {
          fly = new PlatformCommands(fly.current(), fly.deploy(), fly.rollback(), fly.image(), fly.app(), p.healthUrl(),
              fly.timeout(), fly.nonRetryableExitCodes());
        }
        return new CommandPlatformAdapter(p.name(), fly, health, dir);
      }
      case "railway" -> {
        return new CommandPlatformAdapter(p.name(), PlatformCommands.railway(required(p.app(), "app"), repository(p),
            required(p.healthUrl(), "health-url")), health, dir);
      }
      case "render" -> {
        if (p.serviceIds() == null || p.serviceIds().isEmpty()) {
          throw new IllegalArgumentException("adapter render needs service-ids (runbook service: Render srv-... id)");
        }
        required(p.image(), "image");
        return new RenderApiAdapter(p.name(), URI.create(p.apiUrl() == null ? "https://api.render.com" : p.apiUrl()),
            p.serviceIds(), p.image(), p.tokenEnv() == null ? "RENDER_API_KEY" : p.tokenEnv(), System::getenv, http,
            required(p.healthUrl(), "health-url"));
      }
      default -> throw new IllegalArgumentException("adapter '" + p.adapter() + "' is not one of " + new java.util.TreeSet<>(ADAPTERS));
    }
  }

  /** The image template without its {@code :{version}} tag (the presets add it). */
  private static String repository(HostedPlatformProperties p) {
    String image = required(p.image(), "image");
    if (!image.endsWith(":{version}")) {
      throw new IllegalArgumentException("image must end with :{version}, e.g. registry.fly.io/web:{version}");
    }
    String repo = image.substring(0, image.length() - ":{version}".length());
    ArgvTemplate.renderElement(repo, Map.of("service", "web"));
    return repo;
  }

  private static String required(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is required for this adapter");
    }
    return value;
  }
}
