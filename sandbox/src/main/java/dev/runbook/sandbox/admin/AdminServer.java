package dev.runbook.sandbox.admin;

import dev.runbook.sandbox.http.LoopbackServer;
import dev.runbook.sandbox.lessons.LessonsApi;
import dev.runbook.sandbox.lessons.MarketData;
import dev.runbook.sandbox.maintenance.MaintenanceMode;
import dev.runbook.sandbox.metrics.PrometheusWriter;
import dev.runbook.sandbox.platform.Platform;
import java.io.IOException;
import java.util.Map;

/**
 * The admin HTTP API: the platform API the runbooks' activities drive (deploy, traffic, live,
 * retire), the numbers their watch rules read (stats, Prometheus metrics), the action log that
 * crash tests audit, and the lesson and learner endpoints ({@link LessonEndpoints}). The endpoint
 * list below is the contract; sandbox/README.md documents it.
 */
public final class AdminServer implements AutoCloseable {

  /** Admin threads: requests are short; a few suffice even with several workers polling stats. */
  static final int THREADS = 8;

  private static final String DEPLOY_EXAMPLE = "{\"version\":\"v1.5.1\"}";
  private static final String TRAFFIC_EXAMPLE = "{\"colour\":\"green\",\"weight\":10}";
  private static final String LIVE_EXAMPLE = "{\"colour\":\"green\"}";
  private static final int DEFAULT_LOOKBACK_SECONDS = 60;

  private final LoopbackServer server;

  /**
   * Starts the API on {@code bindAddress}:{@code port} (0 = ephemeral).
   *
   * @param delayMillis wait before every changing call (deploy, traffic, live, retire): a slow platform
   * @param onShutdown called after {@code POST /api/shutdown} has been answered
   * @param market the market-data feed lessons render with
   * @param lessons lessons and learners, or null when the sandbox runs without a lesson store
   * @param maintenance the switch the router and the learners obey
   */
  public AdminServer(Platform platform, String bindAddress, int port, long delayMillis, Runnable onShutdown, MarketData market,
      LessonsApi lessons, MaintenanceMode maintenance) throws IOException {
    this(platform, bindAddress, port, delayMillis, onShutdown, market, lessons, maintenance, Map.of());
  }

  /** As above, also naming the hosted platforms' own admin APIs ({@code GET /api/hosted-platforms}). */
  public AdminServer(Platform platform, String bindAddress, int port, long delayMillis, Runnable onShutdown, MarketData market,
      LessonsApi lessons, MaintenanceMode maintenance, Map<String, String> hostedPlatforms) throws IOException {
    Runnable slow = () -> pause(delayMillis);
    LessonEndpoints lessonEndpoints = new LessonEndpoints(lessons);
    ApiRouter router = new ApiRouter()
        .on("GET", "/health", r -> Reply.json(Map.of("status", "ok")))
        .on("GET", "/metrics", r -> Reply.text(PrometheusWriter.CONTENT_TYPE,
            platform.prometheusText() + (lessons == null ? "" : lessons.prometheusText())))
        .on("GET", "/api/services", r -> Reply.json(platform.services()))
        .on("GET", "/api/services/{service}", r -> Reply.json(platform.service(r.path("service"))))
        .on("GET", "/api/services/{service}/releases", r -> Reply.json(platform.releases(r.path("service"))))
        .on("POST", "/api/services/{service}/slots/{colour}/deploy", r -> Reply.json(
            slowly(slow, () -> platform.deploy(r.path("service"), r.path("colour"), r.text("version", DEPLOY_EXAMPLE)))))
        .on("POST", "/api/services/{service}/traffic", r -> Reply.json(slowly(slow, () -> platform.traffic(
            r.path("service"), r.text("colour", TRAFFIC_EXAMPLE), r.integer("weight", TRAFFIC_EXAMPLE)))))
        .on("POST", "/api/services/{service}/live", r -> Reply.json(
            slowly(slow, () -> platform.makeLive(r.path("service"), r.text("colour", LIVE_EXAMPLE)))))
        .on("POST", "/api/services/{service}/slots/{colour}/retire", r -> Reply.json(
            slowly(slow, () -> platform.retire(r.path("service"), r.path("colour")))))
        .on("GET", "/api/services/{service}/slots/{colour}/stats", r -> Reply.json(platform.stats(
            r.path("service"), r.path("colour"), r.queryInt("lookback", DEFAULT_LOOKBACK_SECONDS,
                "an integer number of seconds from 1 to " + Platform.MAX_LOOKBACK_SECONDS), r.query().get("version"))))
        .on("GET", "/api/log", r -> Reply.json(platform.actions()))
        .on("GET", "/api/market", r -> Reply.json(market.describe()))
        .on("GET", "/api/hosted-platforms", r -> Reply.json(hostedPlatforms));
    lessonEndpoints.register(router);
    new MaintenanceEndpoints(maintenance).register(router);
    new InstanceEndpoints(platform, slow).register(router);
    router
        .on("POST", "/api/shutdown", r -> Reply.json(Map.of("status", "stopping")).then(() -> {
          // Stop on another thread, after the answer went out: this runs on the admin pool itself.
          Thread stopper = new Thread(onShutdown, "sandbox-shutdown");
          stopper.start();
        }));
    this.server = LoopbackServer.start("admin", bindAddress, port, THREADS, router);
  }

  private static <T> T slowly(Runnable delay, java.util.function.Supplier<T> action) {
    delay.run();
    return action.get();
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
  }
}
