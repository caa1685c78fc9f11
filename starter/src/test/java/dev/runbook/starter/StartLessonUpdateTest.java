package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.starter.stack.RunbookHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `runbook start lesson-update` against a real (embedded, port-bound) Temporal server and a
 * stand-in workflow: what the request carries, single flight, --wait exit codes and JSON. Each
 * test uses its own environment, so their business keys never meet.
 */
class StartLessonUpdateTest {
  private static final Path CONTENT = RunbookHome.find().orElseThrow().resolve("lessons/content");
  private static TestTemporal temporal;

  @TempDir Path dir;

  @BeforeAll
  static void startTemporal() throws IOException {
    temporal = TestTemporal.start(FakeLessonUpdate.class);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  private static Cli.Result cli(String... args) {
    return temporal.cli(args);
  }

  private static JsonNode json(String text) throws IOException {
    return Json.MAPPER.readTree(text);
  }

  @Test
  void publishesTheFileAsReadAndExitsWithTheOutcome() throws IOException {
    Path file = CONTENT.resolve("03_market_makers.yaml");
    Cli.Result r = cli("start", "lesson-update", file.toString(), "--env", "t1", "--requested-by", "alice", "--wait", "-o", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode out = json(r.out());
    assertThat(out.get("workflowId").asText()).isEqualTo("lesson:stock_basics_003:t1");
    assertThat(out.get("outcome").asText()).isEqualTo("SUCCEEDED");
    JsonNode result = out.get("result");
    assertThat(result.get("service").asText()).isEqualTo("stock_basics_003");
    assertThat(result.get("requestedVersion").asText()).isEqualTo("1.0.1");
    // only the file name travels (it names the file in the workflow's messages), the text unchanged
    assertThat(result.get("reason").asText())
        .isEqualTo("published 03_market_makers.yaml (hash " + FakeLessonUpdate.hash(Files.readString(file)) + ")");
    assertThat(out.get("status").get("requestedBy").asText()).isEqualTo("alice");
  }

  @Test
  void singleFlightByLessonAndEnvironment() throws IOException {
    Path file = CONTENT.resolve("01_understanding_stock_prices.yaml");
    Cli.Result started = cli("start", "lesson-update", file.toString(), "--env", "t2", "--as", "alice",
        "--ui-url", "http://localhost:8080/");
    assertThat(started.code()).as(started.err()).isZero();
    assertThat(started.out()).contains("started lesson:stock_basics_001:t2")
        .contains("lesson-update stock_basics_001 2.0.0 → t2, requested by alice")
        .contains("  http://localhost:8080/namespaces/default/workflows/lesson%3Astock_basics_001%3At2\n");

    Cli.Result retry = cli("start", "lesson-update", file.toString(), "--env", "t2", "--as", "alice", "-o", "json");
    assertThat(retry.code()).as(retry.err()).isZero();
    JsonNode followed = json(retry.out());
    assertThat(followed.get("followed").asBoolean()).isTrue();
    assertThat(followed.has("url")).as("no UI configured, no link").isFalse();
    assertThat(followed.get("statusCommand").asText())
        .isEqualTo("runbook status lesson:stock_basics_001:t2 --watch --address " + temporal.address());

    // the same version edited without a bump is another request: refused, not silently followed
    Path edited = dir.resolve("01_understanding_stock_prices.yaml");
    Files.writeString(edited, Files.readString(file) + "# edited\n");
    Cli.Result refused = cli("start", "lesson-update", edited.toString(), "--env", "t2", "--as", "alice");
    assertThat(refused.code()).isEqualTo(64);
    assertThat(refused.err()).contains("stock_basics_001 in t2 already has a run: lesson:stock_basics_001:t2 (run ")
        .contains("lesson-update 2.0.0 started by alice); wait for it or abort it with: runbook abort lesson:stock_basics_001:t2");

    assertThat(cli("promote", "lesson:stock_basics_001:t2", "--as", "carol").code()).isZero();
    Cli.Result watched = cli("status", "lesson:stock_basics_001:t2", "--watch");
    assertThat(watched.code()).as(watched.err()).isZero();
    assertThat(watched.out()).contains("Outcome:      SUCCEEDED");
  }

  @Test
  void rolledBackAndFailedRunsExitTwoAndFour() throws IOException {
    Path rollsBack = copy("02_bid_ask_spread.yaml", "# fake: roll back\n");
    Cli.Result r = cli("start", "lesson-update", rollsBack.toString(), "--env", "t3", "--wait");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).contains("lesson:stock_basics_002:t3 ROLLED_BACK: lesson error rate 9% > 5% (exit 2)");

    Path fails = copy("03_market_makers.yaml", "# fake: fail\n");
    Cli.Result f = cli("start", "lesson-update", fails.toString(), "--env", "t3", "--wait", "-o", "json");
    assertThat(f.code()).isEqualTo(4);
    assertThat(json(f.out()).get("error").asText()).isEqualTo("the lesson store refused 1.0.1");
  }

  private Path copy(String name, String extra) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, extra + Files.readString(CONTENT.resolve(name)));
    return file;
  }
}
