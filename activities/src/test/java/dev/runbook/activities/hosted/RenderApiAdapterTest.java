package dev.runbook.activities.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.runbook.workflows.contract.PlatformRelease;
import dev.runbook.workflows.multiplatform.MultiPlatformActivities;
import io.temporal.failure.ApplicationFailure;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Render's API adapter against a local HTTP receiver: exact requests, bearer token, rollback then auto-deploy off. */
class RenderApiAdapterTest {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private volatile int rollbackStatus = 202;
  private RenderApiAdapter render;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
          + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
      String path = exchange.getRequestURI().getPath();
      int status = 200;
      String answer = "{}";
      if (path.endsWith("/deploys") && "GET".equals(exchange.getRequestMethod())) {
        answer = "[{\"deploy\":{\"id\":\"dep-new\",\"status\":\"build_failed\",\"image\":{\"ref\":\"docker.io/acme/web:v2.2.0\"}}},"
            + "{\"deploy\":{\"id\":\"dep-old\",\"status\":\"live\",\"image\":{\"ref\":\"docker.io/acme/web:v2.0.0\"}}}]";
      } else if (path.endsWith("/deploys")) {
        status = 201;
        answer = "{\"id\":\"dep-201\",\"status\":\"created\"}";
      } else if (path.endsWith("/rollback")) {
        status = rollbackStatus;
        answer = status == 202 ? "{\"id\":\"dep-202\"}" : "{\"message\":\"deploy not found\"}";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    render = new RenderApiAdapter("render", api, Map.of("web", "srv-abc123"), "docker.io/acme/{service}:{version}",
        "RENDER_API_KEY", Map.of("RENDER_API_KEY", "rnd_secret")::get, HttpClient.newHttpClient(), api + "/health");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void recordsTheLiveDeployDeploysTheImageAndRollsBackThenTurnsAutoDeployOff() {
    PlatformRelease live = render.current("web", "production");
    assertThat(live).isEqualTo(new PlatformRelease("render", "dep-old", "v2.0.0", "docker.io/acme/web:v2.0.0", null));
    assertThat(render.deploy("web", "production", "v2.1.0").releaseId()).isEqualTo("dep-201");
    render.rollback("web", "production", live);

    assertThat(requests).containsExactly(
        "GET /v1/services/srv-abc123/deploys?limit=20 Bearer rnd_secret ",
        "POST /v1/services/srv-abc123/deploys Bearer rnd_secret {\"imageUrl\":\"docker.io/acme/web:v2.1.0\",\"clearCache\":\"do_not_clear\"}",
        "POST /v1/services/srv-abc123/rollback Bearer rnd_secret {\"deployId\":\"dep-old\"}",
        "PATCH /v1/services/srv-abc123 Bearer rnd_secret {\"autoDeploy\":\"no\"}");
  }

  @Test
  void aMissingTokenARefusedRollbackAndHostileValuesAreNonRetryableAndSendNothingWrong() {
    RenderApiAdapter noToken = new RenderApiAdapter("render", URI.create("http://127.0.0.1:1"), Map.of("web", "srv-abc123"),
        "docker.io/acme/{service}:{version}", "RENDER_API_KEY", name -> null, HttpClient.newHttpClient(), "http://127.0.0.1:1/h");
    assertThatThrownBy(() -> noToken.current("web", "production")).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.getType()).isEqualTo(RenderApiAdapter.TOKEN_MISSING);
      assertThat(f.getOriginalMessage()).contains("RENDER_API_KEY").doesNotContain("rnd_");
    });

    rollbackStatus = 404;
    assertThatThrownBy(() -> render.rollback("web", "production", new PlatformRelease("render", "dep-gone", "v1.0.0", "x", null)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(MultiPlatformActivities.ROLLBACK_REFUSED);
        });
    assertThat(requests).noneMatch(r -> r.startsWith("PATCH"));

    assertThatThrownBy(() -> render.deploy("web", "production", "v2.1.0\nX-Evil: 1")).isInstanceOf(ApplicationFailure.class);
    assertThatThrownBy(() -> render.rollback("web", "production",
        new PlatformRelease("render", "dep-1;reboot", "v1", "x", null))).hasMessageContaining("characters outside");
    assertThatThrownBy(() -> render.current("api", "production")).hasMessageContaining("no Render service id");
    assertThat(requests).hasSize(1);
  }
}
