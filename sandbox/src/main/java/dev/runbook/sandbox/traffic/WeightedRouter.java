package dev.runbook.sandbox.traffic;

import com.sun.net.httpserver.HttpExchange;
import dev.runbook.sandbox.http.Exchanges;
import dev.runbook.sandbox.http.LoopbackServer;
import dev.runbook.sandbox.maintenance.MaintenanceMode;
import dev.runbook.sandbox.maintenance.MaintenanceState;
import dev.runbook.sandbox.platform.Platform;
import dev.runbook.sandbox.platform.RouteTable;
import dev.runbook.sandbox.support.RandomSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The platform's front door: {@code /svc/{service}/{path...}} goes to the blue or the green slot of
 * the service, chosen per request at random in proportion to the traffic weights.
 *
 * <p>This is what makes a canary real: at 10% the new release really answers about one request in
 * ten, and its errors and latency show up in its own slot's numbers. The answer carries
 * {@code X-Sandbox-Colour} and {@code X-Sandbox-Version} so callers can see where it came from.
 * In maintenance it answers every service request with 503, the message and Retry-After, without
 * reaching a slot (the slots' own numbers stay those of real traffic).
 */
public final class WeightedRouter implements AutoCloseable {

  /** Router threads; each waits for a slot while it answers, so well above the load's concurrency. */
  static final int THREADS = 128;

  private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> FORWARDED_HEADERS =
      List.of("Content-Type", "X-Sandbox-Service", "X-Sandbox-Colour", "X-Sandbox-Version");

  private final Platform platform;
  private final HttpClient client;
  private final RandomSource random;
  private final LoopbackServer server;
  private final MaintenanceMode maintenance;

  public WeightedRouter(Platform platform, HttpClient client, RandomSource random, String bindAddress, int port,
      MaintenanceMode maintenance) throws IOException {
    this.maintenance = maintenance;
    this.platform = platform;
    this.client = client;
    this.random = random;
    this.server = LoopbackServer.start("router", bindAddress, port, THREADS, this::handle);
  }

  public String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body = Exchanges.readBody(exchange);
      String path = exchange.getRequestURI().getRawPath();
      if ("/health".equals(path)) {
        Exchanges.sendText(exchange, 200, "ok");
      } else if (!path.startsWith("/svc/")) {
        Exchanges.sendJson(exchange, 404, Map.of("error",
            "the router serves /svc/{service}/{path}; services: " + platform.serviceNames()));
      } else if (maintenance.state().on()) {
        MaintenanceState state = maintenance.state();
        exchange.getResponseHeaders().set("Retry-After", String.valueOf(state.retryAfterSeconds()));
        Exchanges.sendJson(exchange, 503, Map.of("error", "maintenance", "message", state.message()));
      } else {
        forward(exchange, path.substring("/svc/".length()), body);
      }
    } finally {
      exchange.close();
    }
  }

  private void forward(HttpExchange exchange, String rest, byte[] body) throws IOException {
    int slash = rest.indexOf('/');
    String service = Exchanges.decode(slash < 0 ? rest : rest.substring(0, slash));
    String tail = slash < 0 ? "/" : rest.substring(slash);
    RouteTable routes = platform.routes(service);
    if (routes == null) {
      Exchanges.sendJson(exchange, 404, Map.of("error",
          "unknown service '" + service + "'; services: " + platform.serviceNames()));
      return;
    }
    int roll = random.nextInt(100);
    // a second draw only when the colour has several instances: one-instance runs keep their seeded sequence
    int instances = (roll < routes.blueWeight() ? routes.blueUrls() : routes.greenUrls()).size();
    RouteTable.Target target = routes.pick(roll, instances > 1 ? random.nextInt(instances) : 0);
    if (target == null) {
      Exchanges.sendJson(exchange, 503, Map.of("error", "no running slot of " + service + " takes traffic"));
      return;
    }
    String query = exchange.getRequestURI().getRawQuery();
    URI uri = URI.create(target.url() + tail + (query == null ? "" : "?" + query));
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(UPSTREAM_TIMEOUT)
        .method(exchange.getRequestMethod(), body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      Exchanges.sendJson(exchange, 502, Map.of("error", target.colour().id() + " slot of " + service
          + " did not answer: " + e));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    for (String header : FORWARDED_HEADERS) {
      response.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().set(header, v));
    }
    exchange.getResponseHeaders().set("X-Sandbox-Colour", target.colour().id());
    Exchanges.send(exchange, response.statusCode(), null, response.body());
  }
}
