package dev.runbook.sandbox.instance;

import com.sun.net.httpserver.HttpExchange;
import dev.runbook.sandbox.http.Exchanges;
import dev.runbook.sandbox.http.LoopbackServer;
import dev.runbook.sandbox.metrics.SlotMetrics;
import dev.runbook.sandbox.platform.Colour;
import dev.runbook.sandbox.platform.RunningSlot;
import dev.runbook.sandbox.support.RandomSource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One release running on one slot: its own HTTP server on an ephemeral loopback port.
 *
 * <p>{@code GET /health} answers 200 {@code ok}, or 503 for a release that is down. Every other
 * path sleeps the planned latency and answers 200 JSON or 500 (503 when down). Requests are counted
 * before the response is written, so once a client has its answer the stats include it.
 */
public final class SlotServer implements RunningSlot {

  /** Threads per slot: enough that a release answering in seconds still serves the load. */
  public static final int THREADS = 32;

  private static final Logger log = LoggerFactory.getLogger(SlotServer.class);

  private final String service;
  private final Colour colour;
  private final ReleaseBehaviour behaviour;
  private final SlotMetrics metrics;
  private final RandomSource random;
  private final LoopbackServer server;

  private SlotServer(String service, Colour colour, ReleaseBehaviour behaviour, SlotMetrics metrics,
      RandomSource random) throws IOException {
    this.service = service;
    this.colour = colour;
    this.behaviour = behaviour;
    this.metrics = metrics;
    this.random = random;
    this.server = LoopbackServer.start(
        "slot-" + service + "-" + colour.id(), 0, THREADS, this::handle);
  }

  /** Starts serving {@code behaviour} on a fresh ephemeral port. */
  public static SlotServer start(String service, Colour colour, ReleaseBehaviour behaviour,
      SlotMetrics metrics, RandomSource random) throws IOException {
    SlotServer slot = new SlotServer(service, colour, behaviour, metrics, random);
    log.debug("{} {} of {} listening at {}", behaviour.release().version(), colour.id(), service, slot.url());
    return slot;
  }

  @Override
  public String url() {
    return server.url();
  }

  @Override
  public SlotMetrics metrics() {
    return metrics;
  }

  @Override
  public boolean running() {
    return !server.closed();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      Exchanges.readBody(exchange);
      String version = behaviour.release().version();
      exchange.getResponseHeaders().set("X-Sandbox-Service", service);
      exchange.getResponseHeaders().set("X-Sandbox-Colour", colour.id());
      exchange.getResponseHeaders().set("X-Sandbox-Version", version);
      String path = exchange.getRequestURI().getPath();
      if ("/health".equals(path)) {
        boolean healthy = behaviour.release().healthy();
        Exchanges.sendText(exchange, healthy ? 200 : 503, healthy ? "ok" : "unhealthy");
        return;
      }
      serve(exchange, path, version);
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange, String path, String version) throws IOException {
    long start = System.nanoTime();
    ReleaseBehaviour.Plan plan = random.draw(behaviour::plan);
    try {
      TimeUnit.MICROSECONDS.sleep(Math.round(plan.latencyMs() * 1000));
    } catch (InterruptedException e) {
      // The slot is being stopped mid-request: answer nothing more and leave no count behind.
      Thread.currentThread().interrupt();
      return;
    }
    double elapsedMs = (System.nanoTime() - start) / 1_000_000.0;
    metrics.recordRequest(elapsedMs, plan.fail(), plan.complain());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", service);
    body.put("colour", colour.id());
    body.put("version", version);
    body.put("path", path);
    if (plan.fail()) {
      boolean down = !behaviour.release().healthy();
      body.put("error", down ? "release is down" : "simulated failure");
      Exchanges.sendJson(exchange, down ? 503 : 500, body);
    } else {
      Exchanges.sendJson(exchange, 200, body);
    }
  }
}
