package dev.runbook.sandbox.hosted;

import dev.runbook.sandbox.admin.HostedPlatformServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosted platforms of the sandbox (seed 002: Fly.io primary, Railway secondary, Render
 * tertiary), each with its admin API on a loopback port of its own (ephemeral: launchers and the
 * worker find them through the main admin API's {@code GET /api/hosted-platforms}). Each starts
 * with every seeded service on its seeded release, so the first deploy has a release to go back to.
 */
public final class HostedPlatforms implements AutoCloseable {
  /** The platforms a sandbox hosts; the worker's configuration picks among them by name. */
  public static final List<String> NAMES = List.of("fly", "railway", "render");
  /** What each platform runs before anyone deploys: the multi-platform demo's service. */
  public static final Map<String, String> SEEDED = Map.of("web", "v2.0.0");

  private final Map<String, HostedPlatform> platforms = new LinkedHashMap<>();
  private final List<HostedPlatformServer> servers = new ArrayList<>();
  private final Map<String, String> urls = new LinkedHashMap<>();

  private HostedPlatforms() {}

  /** Starts one API per name in {@link #NAMES} on {@code bindAddress}, any free port. */
  public static HostedPlatforms start(String bindAddress) throws IOException {
    HostedPlatforms all = new HostedPlatforms();
    try {
      for (String name : NAMES) {
        HostedPlatform platform = new HostedPlatform(name, System::currentTimeMillis);
        SEEDED.forEach((service, version) -> platform.deploy(service, version, null));
        HostedPlatformServer server = new HostedPlatformServer(platform, bindAddress, 0);
        all.platforms.put(name, platform);
        all.servers.add(server);
        all.urls.put(name, server.url());
      }
    } catch (IOException | RuntimeException e) {
      all.close();
      throw e;
    }
    return all;
  }

  /** Name to admin base URL, e.g. {@code fly -> http://127.0.0.1:40123}. */
  public Map<String, String> urls() {
    return java.util.Collections.unmodifiableMap(urls);
  }

  public HostedPlatform platform(String name) {
    return platforms.get(name);
  }

  @Override
  public void close() {
    servers.forEach(HostedPlatformServer::close);
  }
}
