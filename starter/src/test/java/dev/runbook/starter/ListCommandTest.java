package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `runbook list` against a stand-in for the worker's GET /api/runs. */
class ListCommandTest {
  private static final String ROWS = """
      [{"workflowId":"deploy:learning-api:local","runId":"r1","procedure":"code-deploy","service":"learning-api",
        "environment":"local","version":"v1.5.1","requestedBy":"ci","requestId":"job-1",
        "startedAt":"2026-01-01T10:00:00Z","finishedAt":"2026-01-01T10:01:28.5Z","outcome":"SUCCEEDED",
        "outcomeReason":"v1.5.1 live on green","liveVersion":"v1.5.1"}]""";

  private static final String DOWN = """
      {"down":"release registry database","error":"the release registry database is down: Connection refused"}""";

  private HttpServer server;
  private volatile boolean databaseDown;
  private final AtomicReference<String> query = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/runs", exchange -> {
      query.set(exchange.getRequestURI().getQuery());
      byte[] body = (databaseDown ? DOWN : ROWS).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(databaseDown ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void tableWithFilters() {
    Cli.Result r = Cli.run("list", "--worker-url", url(), "--service", "learning-api", "--env", "local", "--limit", "5", "--no-color");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(query.get()).isEqualTo("limit=5&service=learning-api&environment=local");
    assertThat(r.out().lines().toList()).hasSize(2);
    assertThat(r.out()).startsWith("WORKFLOW ID").contains("deploy:learning-api:local  code-deploy  v1.5.1").contains("SUCCEEDED");
  }

  @Test
  void jsonIsWhatTheWorkerSent() throws IOException {
    Cli.Result r = Cli.run("list", "--worker-url", url(), "-o", "json");
    assertThat(r.code()).isZero();
    assertThat(Json.MAPPER.readTree(r.out())).isEqualTo(Json.MAPPER.readTree(ROWS));
  }

  @Test
  void aWorkerWhoseDatabaseIsDownIsNotAnUnreachableWorker() {
    databaseDown = true;
    Cli.Result r = Cli.run("list", "--worker-url", url(), "--no-color");
    assertThat(r.code()).isEqualTo(69);
    assertThat(r.err().strip()).isEqualTo("the runbook worker at " + url() + " is up, but its release registry database"
        + " is down (the release registry database is down: Connection refused)");
  }

  @Test
  void refusedAndLostRunsAreListedLikeTheOthers() {
    server.removeContext("/api/runs");
    server.createContext("/api/runs", exchange -> {
      byte[] body = ROWS.replace("\"SUCCEEDED\"", "\"REFUSED\"").replace("]", ",").concat(ROWS.substring(1)
          .replace("\"SUCCEEDED\"", "\"LOST\"").replace("r1", "r2")).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    Cli.Result r = Cli.run("list", "--worker-url", url(), "--no-color");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(1).map(l -> l.substring(l.lastIndexOf(' ') + 1))).containsExactly("REFUSED", "LOST");
  }
}
