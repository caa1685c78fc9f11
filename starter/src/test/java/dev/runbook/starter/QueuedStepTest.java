package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `runbook status` says which step waits for a worker slot, and on which task queue. */
class QueuedStepTest {
  private static TestTemporal temporal;

  @BeforeAll
  static void startTemporal() throws IOException {
    temporal = TestTemporal.start(FakeCodeDeploy.class);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @Test
  void aStepNoWorkerTookIsShownAsQueued() throws Exception {
    assertThat(temporal.cli("start", "code-deploy", "--service", "queued", "--version", "v7.0.0", "--env", "local").code())
        .isZero();
    JsonNode queued = null;
    for (int i = 0; i < 60 && queued == null; i++) { // a step counts as queued after 2s in SCHEDULED
      Thread.sleep(500);
      JsonNode status = Json.MAPPER.readTree(temporal.cli("status", "deploy:queued:local", "-o", "json").out());
      queued = status.get("queued");
    }
    assertThat(queued).isNotNull();
    assertThat(queued.get(0).get("activity").asText()).isEqualTo("Smoke test green");
    assertThat(queued.get(0).get("taskQueue").asText()).isEqualTo(FakeCodeDeploy.NO_WORKER);
    Cli.Result text = temporal.cli("status", "deploy:queued:local");
    assertThat(text.out()).containsPattern(
        "Queued: {7}queued: Smoke test green on task queue runbook-watch-full for \\d+s \\(no free worker slot\\)");
  }

  /** Postgres down while a run records an approval: the status says what the run waits on, and why. */
  @Test
  void aStepWhoseAttemptsKeepFailingIsShownWithItsLastFailure() throws Exception {
    assertThat(temporal.cli("start", "code-deploy", "--service", "stalled", "--version", "v7.0.1", "--env", "local").code())
        .isZero();
    JsonNode retrying = null;
    for (int i = 0; i < 60 && retrying == null; i++) {
      Thread.sleep(500);
      JsonNode status = Json.MAPPER.readTree(temporal.cli("status", "deploy:stalled:local", "-o", "json").out());
      retrying = status.get("queued");
    }
    assertThat(retrying).isNotNull();
    assertThat(retrying.get(0).get("activity").asText()).isEqualTo("release registry");
    assertThat(retrying.get(0).get("attempt").asInt()).isGreaterThan(1);
    assertThat(retrying.get(0).get("lastFailure").asText()).startsWith("Connection to 127.0.0.1:54329 refused");
    assertThat(temporal.cli("status", "deploy:stalled:local").out()).containsPattern(
        "Retrying: {5}retrying: release registry \\(attempt \\d+, failing for \\d+s\\): Connection to 127.0.0.1:54329 refused");
  }
}
