package dev.runbook.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where the sandbox's servers listen: loopback unless told otherwise, and reachable at their URL either way. */
class LoopbackServerTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void listensOnLoopbackByDefault() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("t", 0, 1, LoopbackServerTest::ok)) {
      assertThat(server.boundAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
      assertThat(get(server.url())).isEqualTo("ok");
    }
  }

  /** In a container the compose network is the boundary: the worker and Prometheus reach it by name. */
  @Test
  void aWildcardBindListensEverywhereAndIsReachedThroughLoopbackFromThisHost() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("t", "0.0.0.0", 0, 1, LoopbackServerTest::ok)) {
      assertThat(server.boundAddress().getAddress().isAnyLocalAddress()).isTrue();
      assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
      assertThat(get(server.url())).isEqualTo("ok");
    }
  }

  private static String get(String url) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void ok(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
    byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
