package dev.runbook.sandbox.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.runbook.sandbox.http.Exchanges;
import dev.runbook.sandbox.platform.PlatformException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches {@code METHOD /path/{param}} patterns and turns every failure into the API's error shape
 * {@code {"error": "..."}}: refusals keep their 400/404/409, a known path with the wrong method
 * gets 405, anything unexpected gets 500 and is logged.
 */
final class ApiRouter implements HttpHandler {

  /** One endpoint's logic. */
  @FunctionalInterface
  interface Endpoint {
    Reply handle(ApiRequest request) throws IOException;
  }

  private record Route(String method, String[] pattern, Endpoint endpoint) {
    /** Path parameters when {@code segments} fit the pattern, else null. */
    Map<String, String> match(List<String> segments) {
      if (segments.size() != pattern.length) {
        return null;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < pattern.length; i++) {
        String want = pattern[i];
        if (want.startsWith("{")) {
          params.put(want.substring(1, want.length() - 1), segments.get(i));
        } else if (!want.equals(segments.get(i))) {
          return null;
        }
      }
      return params;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(ApiRouter.class);

  private final List<Route> routes = new ArrayList<>();

  /** Adds an endpoint, e.g. {@code on("POST", "/api/services/{service}/live", ...)}. */
  ApiRouter on(String method, String pattern, Endpoint endpoint) {
    routes.add(new Route(method, segments(pattern).toArray(String[]::new), endpoint));
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    try {
      byte[] body = Exchanges.readBody(exchange);
      reply = dispatch(exchange, body);
      Exchanges.send(exchange, reply.status(), reply.contentType(), reply.body());
    } finally {
      exchange.close();
    }
    if (reply.afterSend() != null) {
      reply.afterSend().run();
    }
  }

  private Reply dispatch(HttpExchange exchange, byte[] body) {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    List<String> segments = segments(rawPath);
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> params = route.match(segments);
      if (params == null) {
        continue;
      }
      if (!route.method().equals(method)) {
        allowed.add(route.method());
        continue;
      }
      try {
        return route.endpoint().handle(new ApiRequest(params, Exchanges.query(exchange), body));
      } catch (PlatformException e) {
        return Reply.error(e.kind().status(), e.getMessage());
      } catch (Exception e) {
        log.error("{} {} failed", method, rawPath, e);
        return Reply.error(500, "internal error: " + e.getMessage());
      }
    }
    if (!allowed.isEmpty()) {
      exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
      return Reply.error(405, method + " is not supported on " + rawPath + "; use "
          + String.join(" or ", allowed));
    }
    return Reply.error(404, "no such endpoint: " + method + " " + rawPath);
  }

  private static List<String> segments(String path) {
    return Arrays.stream(path.split("/"))
        .filter(s -> !s.isEmpty())
        .map(Exchanges::decode)
        .toList();
  }
}
