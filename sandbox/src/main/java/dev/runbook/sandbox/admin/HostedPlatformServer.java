package dev.runbook.sandbox.admin;

import dev.runbook.sandbox.hosted.HostedPlatform;
import dev.runbook.sandbox.http.LoopbackServer;
import java.io.IOException;
import java.util.Map;

/**
 * One hosted platform's own admin API on a port of its own, so the runbook drives Fly, Railway and
 * Render stand-ins as separate platforms over real HTTP:
 *
 * <ul>
 *   <li>{@code GET /health}: the API itself is up
 *   <li>{@code GET /api/services/{service}/releases}, {@code GET .../current}
 *   <li>{@code POST /api/services/{service}/deploys {"version":"v2.1.0","image":"..."}} (image optional)
 *   <li>{@code POST /api/services/{service}/rollback {"releaseId":"fly-r1"}}: a new release running
 *       the recorded one's image; 409 while the current version carries a rollback fault
 *   <li>{@code GET /api/services/{service}/health}: 200 when the current release is healthy, else 503
 *   <li>{@code POST /api/services/{service}/faults {"version":"v2.1.0","failHealth":true,"failRollback":false}}
 *       and {@code POST /api/faults/clear}: what tests drive failures with
 * </ul>
 */
public final class HostedPlatformServer implements AutoCloseable {
  private static final String DEPLOY_EXAMPLE = "{\"version\":\"v2.1.0\"}";
  private static final String ROLLBACK_EXAMPLE = "{\"releaseId\":\"fly-r1\"}";
  private static final String FAULT_EXAMPLE = "{\"version\":\"v2.1.0\",\"failHealth\":true,\"failRollback\":false}";

  private final LoopbackServer server;

  public HostedPlatformServer(HostedPlatform platform, String bindAddress, int port) throws IOException {
    ApiRouter router = new ApiRouter()
        .on("GET", "/health", r -> Reply.json(Map.of("status", "ok", "platform", platform.name())))
        .on("GET", "/api/services/{service}/releases", r -> Reply.json(platform.releases(r.path("service"))))
        .on("GET", "/api/services/{service}/current", r -> Reply.json(platform.current(r.path("service"))))
        .on("POST", "/api/services/{service}/deploys", r -> Reply.json(201, platform.deploy(r.path("service"),
            r.text("version", DEPLOY_EXAMPLE), r.optionalText("image"))))
        .on("POST", "/api/services/{service}/rollback", r -> Reply.json(201, platform.rollback(r.path("service"),
            r.text("releaseId", ROLLBACK_EXAMPLE))))
        .on("GET", "/api/services/{service}/health", r -> health(platform, r.path("service")))
        .on("POST", "/api/services/{service}/faults", r -> Reply.json(platform.fault(r.path("service"),
            r.text("version", FAULT_EXAMPLE), r.flag("failHealth"), r.flag("failRollback"))))
        .on("POST", "/api/faults/clear", r -> {
          platform.clearFaults();
          return Reply.json(Map.of("status", "cleared"));
        });
    this.server = LoopbackServer.start(platform.name(), bindAddress, port, 4, router);
  }

  private static Reply health(HostedPlatform platform, String service) {
    String version = platform.current(service).version();
    boolean healthy = platform.healthy(service);
    return Reply.json(healthy ? 200 : 503, Map.of("status", healthy ? "ok" : "failing", "version", version));
  }

  public String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
  }
}
