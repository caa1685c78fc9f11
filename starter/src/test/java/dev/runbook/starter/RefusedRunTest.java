package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.workflows.api.Refusal;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A run refused before anything moved exits 64 with its message, whatever refusal it is; a failed run exits 4. */
class RefusedRunTest {
  private static TestTemporal temporal;

  @BeforeAll
  static void startTemporal() throws IOException {
    temporal = TestTemporal.start(FakeCodeDeploy.class);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @ParameterizedTest
  @EnumSource(Refusal.class)
  void everyRefusalTypeExits64(Refusal refusal) throws IOException {
    String service = "refused-" + refusal.ordinal();
    Cli.Result r = temporal.cli("start", "code-deploy", "--service", service, "--version", "v64.0." + refusal.ordinal(),
        "--env", "local", "--wait", "-o", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(64);
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("outcome").asText()).isEqualTo("REFUSED");
    assertThat(json.get("refusal").asText()).isEqualTo(refusal.name());
    assertThat(json.get("error").asText()).isEqualTo("refused: " + refusal.description());
  }

  @Test
  void anUnknownEnvironmentExits64WithTheMessage() {
    Cli.Result r = temporal.cli("start", "code-deploy", "--service", "web", "--version", "v1.0.0", "--env", "nowhere", "--wait");
    assertThat(r.code()).as(r.err()).isEqualTo(64);
    assertThat(r.out()).contains("deploy:web:nowhere REFUSED (the request is invalid), nothing changed:"
        + " unknown environment 'nowhere'; known: local (exit 64)");
  }

  @Test
  void aRunWhoseOutcomeIsRefusedExits64() throws IOException {
    Cli.Result r = temporal.cli("start", "code-deploy", "--service", "locked", "--version", "v64.1.0", "--env", "local",
        "--wait", "-o", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(64);
    assertThat(Json.MAPPER.readTree(r.out()).get("outcome").asText()).isEqualTo("REFUSED");
  }

  @Test
  void aFailedRunStillExits4() throws IOException {
    Cli.Result r = temporal.cli("start", "code-deploy", "--service", "broken", "--version", "v4.0.4", "--env", "local",
        "--wait", "-o", "json");
    assertThat(r.code()).isEqualTo(4);
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("outcome").asText()).isEqualTo("FAILED");
    assertThat(json.has("refusal")).isFalse();
  }
}
