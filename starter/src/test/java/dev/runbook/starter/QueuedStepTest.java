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
}
