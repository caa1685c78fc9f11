package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fly, Railway and Render stand-ins over real HTTP: separate loopback APIs, releases, health, rollback, faults. */
class HostedPlatformsTest {
  // one sandbox for both tests (each drives a platform of its own): a start costs seconds
  private static SandboxFixture sb;

  @BeforeAll
  static void start() throws Exception {
    sb = SandboxFixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    sb.close();
  }

  @Test
  void threePlatformsOnTheirOwnLoopbackPortsHoldReleasesPerService() throws Exception {
    JsonNode directory = sb.get("/api/hosted-platforms").json();
    assertThat(directory.fieldNames()).toIterable().containsExactly("fly", "railway", "render");
    String fly = directory.get("fly").asText();
    String render = directory.get("render").asText();
    assertThat(URI.create(fly).getHost()).isEqualTo("127.0.0.1");
    assertThat(URI.create(fly).getPort()).isNotEqualTo(URI.create(render).getPort());
    assertThat(Http.get(fly + "/health").json().get("platform").asText()).isEqualTo("fly");

    JsonNode seeded = Http.get(fly + "/api/services/web/current").json();
    assertThat(seeded.get("version").asText()).isEqualTo("v2.0.0");
    Http.Reply deployed = Http.post(fly + "/api/services/web/deploys", "{\"version\":\"v2.1.0\"}");
    assertThat(deployed.status()).isEqualTo(201);
    assertThat(deployed.json().get("image").asText()).isEqualTo("registry.sandbox.local/web:v2.1.0");
    assertThat(Http.get(fly + "/api/services/web/health").status()).isEqualTo(200);
    // the other platforms did not move
    assertThat(Http.get(render + "/api/services/web/current").json().get("version").asText()).isEqualTo("v2.0.0");

    Http.Reply back = Http.post(fly + "/api/services/web/rollback",
        "{\"releaseId\":\"" + seeded.get("id").asText() + "\"}");
    assertThat(back.status()).isEqualTo(201);
    assertThat(back.json().get("version").asText()).isEqualTo("v2.0.0");
    assertThat(back.json().get("image").asText()).isEqualTo(seeded.get("image").asText());
    assertThat(back.json().get("rollbackOf").asText()).isEqualTo(seeded.get("id").asText());
    assertThat(Http.get(fly + "/api/services/web/releases").json()).hasSize(3);
  }

  @Test
  void faultsMakeAVersionUnhealthyOrItsRollbackFailAndBadInputIsRefused() throws Exception {
    String railway = sb.get("/api/hosted-platforms").json().get("railway").asText();
    String seededId = Http.get(railway + "/api/services/web/current").json().get("id").asText();
    assertThat(Http.post(railway + "/api/services/web/faults",
        "{\"version\":\"v2.1.0\",\"failHealth\":true,\"failRollback\":true}").status()).isEqualTo(200);
    Http.post(railway + "/api/services/web/deploys", "{\"version\":\"v2.1.0\"}");
    Http.Reply health = Http.get(railway + "/api/services/web/health");
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.json().get("status").asText()).isEqualTo("failing");
    Http.Reply refused = Http.post(railway + "/api/services/web/rollback", "{\"releaseId\":\"" + seededId + "\"}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asText()).contains("rollback failed");
    assertThat(Http.get(railway + "/api/services/web/current").json().get("version").asText()).isEqualTo("v2.1.0");

    Http.post(railway + "/api/faults/clear", null);
    assertThat(Http.post(railway + "/api/services/web/rollback", "{\"releaseId\":\"" + seededId + "\"}").status())
        .isEqualTo(201);
    assertThat(Http.post(railway + "/api/services/web/deploys", "{\"version\":\"2.1; rm -rf /\"}").status()).isEqualTo(400);
    assertThat(Http.post(railway + "/api/services/web/rollback", "{\"releaseId\":\"nope\"}").status()).isEqualTo(404);
    assertThat(Http.get(railway + "/api/services/nothing/current").status()).isEqualTo(404);
  }
}
