package dev.runbook.starter.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.runbook.starter.deploy.Promtool;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's Prometheus, with Debian's real binary unpacked into the build folder: it starts on
 * loopback, scrapes a sandbox and a worker under the compose cluster's job names, and loads the
 * shipped alert rules.
 */
class PrometheusProcessTest {

  @Test
  void scrapesTheSandboxAndTheWorkerAndLoadsTheShippedRules(@TempDir Path dir) throws Exception {
    Path binary = Promtool.provision(Path.of("target")).prometheus();
    HttpServer peers = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    peers.createContext("/metrics", exchange -> answer(exchange, "http_requests_total{service=\"s\",colour=\"blue\",version=\"v1\",code=\"200\"} 7\n"));
    peers.createContext("/actuator/prometheus", exchange -> answer(exchange, "runbook_watches_open 0\n"));
    peers.start();
    int port = Ports.free();
    PrometheusProcess prometheus = null;
    try {
      Path rules = Path.of("..", "deploy/prometheus/rules.yml").toAbsolutePath().normalize();
      String peer = "http://127.0.0.1:" + peers.getAddress().getPort();
      prometheus = PrometheusProcess.start(binary, port, dir, true, rules, dir.resolve("prometheus.log"), peer,
          peers.getAddress().getPort());
      assertThat(prometheus.url()).isEqualTo("http://127.0.0.1:" + port);

      String up = awaitQuery(prometheus.url(), "count(up == 1)", "\"2\"");
      assertThat(up).as("both jobs scraped").contains("\"2\"");
      assertThat(awaitQuery(prometheus.url(), "http_requests_total", "\"7\""))
          .contains("\"job\":\"sandbox\"").contains("\"version\":\"v1\"");
      String loaded = get(prometheus.url() + "/api/v1/rules");
      assertThat(loaded).contains("RunbookWorkerDown").contains("RunbookApprovalOverdue");
      assertThat(Files.readString(dir.resolve("prometheus.yml"))).contains("job_name: runbook-worker")
          .contains("job_name: sandbox").contains("scrape_interval: 1s");
    } finally {
      if (prometheus != null) {
        prometheus.process().stop();
      }
      peers.stop(0);
    }
    assertThat(prometheus.process().isAlive()).isFalse();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String awaitQuery(String base, String promql, String expected) throws Exception {
    String url = base + "/api/v1/query?query=" + java.net.URLEncoder.encode(promql, StandardCharsets.UTF_8);
    String body = "";
    for (int i = 0; i < 100 && !body.contains(expected); i++) {
      Thread.sleep(200);
      body = get(url);
    }
    return body;
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
