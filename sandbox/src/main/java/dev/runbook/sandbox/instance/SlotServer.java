package dev.runbook.sandbox.instance;

import com.sun.net.httpserver.HttpExchange;
import dev.runbook.sandbox.http.Exchanges;
import dev.runbook.sandbox.metrics.SlotMetrics;
import dev.runbook.sandbox.platform.Colour;
import dev.runbook.sandbox.platform.RunningSlot;
import dev.runbook.sandbox.support.RandomSource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One release running on one slot: a path prefix of the shared {@link SlotHost}, so its URL is
 * its own ({@code http://127.0.0.1:port/slots/learning-api/green/3}) while its threads are shared.
 *
 * <p>{@code GET /health} answers 200 {@code ok}, or 503 for a release that is down. Every other
 * path answers after the planned latency with 200 JSON or 500 (503 when down). Requests are counted
 * before the response is written, so once a client has its answer the stats include it.
 */
public final class SlotServer implements RunningSlot {
  private static final Logger log = LoggerFactory.getLogger(SlotServer.class);
  /** Each start mounts a fresh path, so a request for a stopped slot never reaches its successor. */
  private static final AtomicLong STARTS = new AtomicLong();

  private final String service;
  private final Colour colour;
  private final ReleaseBehaviour behaviour;
  private final SlotMetrics metrics;
  private final RandomSource random;
  private final SlotHost host;
  private final String path;
  private final String url;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<Pending> pending = ConcurrentHashMap.newKeySet();

  /** An answer waiting for its planned latency; a stopped slot drops it without counting it. */
  private record Pending(HttpExchange exchange, Future<?>[] answer) {}

  private SlotServer(String service, Colour colour, ReleaseBehaviour behaviour, SlotMetrics metrics,
      RandomSource random, SlotHost host) {
    this.service = service;
    this.colour = colour;
    this.behaviour = behaviour;
    this.metrics = metrics;
    this.random = random;
    this.host = host;
    this.path = "/slots/" + java.net.URLEncoder.encode(service, java.nio.charset.StandardCharsets.UTF_8) + "/" + colour.id() + "/" + STARTS.incrementAndGet();
    this.url = host.mount(path, this::handle);
  }

  /** Starts serving {@code behaviour} on {@code host} under a fresh path. */
  public static SlotServer start(String service, Colour colour, ReleaseBehaviour behaviour,
      SlotMetrics metrics, RandomSource random, SlotHost host) {
    SlotServer slot = new SlotServer(service, colour, behaviour, metrics, random, host);
    log.debug("{} {} of {} listening at {}", behaviour.release().version(), colour.id(), service, slot.url());
    return slot;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public SlotMetrics metrics() {
    return metrics;
  }

  @Override
  public boolean running() {
    return !closed.get();
  }

  /** Stops at once: no new requests, and requests waiting for their latency get no answer. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      host.unmount(path);
      for (Pending p : pending) {
        if (p.answer()[0] != null) {
          p.answer()[0].cancel(false);
        }
        p.exchange().close();
      }
      pending.clear();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      Exchanges.readBody(exchange);
      String version = behaviour.release().version();
      exchange.getResponseHeaders().set("X-Sandbox-Service", service);
      exchange.getResponseHeaders().set("X-Sandbox-Colour", colour.id());
      exchange.getResponseHeaders().set("X-Sandbox-Version", version);
      String relative = exchange.getRequestURI().getPath().substring(path.length());
      if (closed.get()) {
        exchange.close();
      } else if ("/health".equals(relative)) {
        boolean healthy = behaviour.healthy();
        Exchanges.sendText(exchange, healthy ? 200 : 503, healthy ? "ok" : "unhealthy");
        exchange.close();
      } else {
        serveLater(exchange, relative, version);
      }
    } catch (IOException | RuntimeException e) {
      exchange.close();
      throw e;
    }
  }

  private void serveLater(HttpExchange exchange, String relative, String version) {
    long start = System.nanoTime();
    ReleaseBehaviour.Plan plan = random.draw(behaviour::plan);
    Pending waiting = new Pending(exchange, new Future<?>[1]);
    pending.add(waiting);
    waiting.answer()[0] = host.answers().schedule(() -> {
      if (!pending.remove(waiting)) {
        return; // the slot stopped meanwhile
      }
      try {
        answer(exchange, relative, version, plan, (System.nanoTime() - start) / 1_000_000.0);
      } catch (IOException | RuntimeException e) {
        log.debug("answer of {} {} failed: {}", service, colour.id(), e.toString());
      } finally {
        exchange.close();
      }
    }, Math.round(plan.latencyMs() * 1000), TimeUnit.MICROSECONDS);
  }

  private void answer(HttpExchange exchange, String relative, String version, ReleaseBehaviour.Plan plan,
      double elapsedMs) throws IOException {
    boolean down = !behaviour.healthy();
    int code = !plan.fail() ? 200 : down ? 503 : plan.timedOut() ? 504 : 500;
    metrics.recordRequest(elapsedMs, code, plan.complain());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", service);
    body.put("colour", colour.id());
    body.put("version", version);
    body.put("path", relative);
    if (plan.fail()) {
      body.put("error", down ? "release is down" : plan.timedOut() ? "request timed out" : "simulated failure");
    }
    Exchanges.sendJson(exchange, code, body);
  }
}
