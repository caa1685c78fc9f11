package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI against a real (embedded, port-bound) Temporal server and a stand-in workflow: start,
 * single flight, status, promote/abort updates, --wait and --watch exit codes.
 */
class CliAgainstTemporalTest {
  private static TestTemporal temporal;

  @BeforeAll
  static void startTemporal() throws IOException {
    temporal = TestTemporal.start(FakeCodeDeploy.class);
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
  void startFollowRefusePromoteWatch() throws IOException {
    Cli.Result started = cli("start", "code-deploy", "--service", "svc1", "--version", "v1.5.1", "--env", "local", "--as", "alice", "-o", "json");
    assertThat(started.code()).as(started.err()).isZero();
    JsonNode run = json(started.out());
    assertThat(run.get("workflowId").asText()).isEqualTo("deploy:svc1:local");
    String runId = run.get("runId").asText();

    Cli.Result retry = cli("start", "code-deploy", "--service", "svc1", "--version", "v1.5.1", "--env", "local", "--as", "alice", "-o", "json");
    assertThat(retry.code()).as(retry.err()).isZero();
    assertThat(retry.err()).contains("following the run already started for this request: deploy:svc1:local");
    assertThat(json(retry.out()).get("runId").asText()).isEqualTo(runId);

    Cli.Result refused = cli("start", "code-deploy", "--service", "svc1", "--version", "v1.6.0", "--env", "local", "--as", "bob");
    assertThat(refused.code()).isEqualTo(64);
    assertThat(refused.err()).contains(
        "svc1 in local already has a run: deploy:svc1:local (run " + runId + ", code-deploy v1.5.1 started by alice);"
            + " wait for it or abort it with: runbook abort deploy:svc1:local --as NAME --reason ...");

    Cli.Result status = cli("status", "deploy:svc1:local");
    assertThat(status.code()).isZero();
    assertThat(status.out()).contains("Phase:        ॥ AWAITING_APPROVAL").contains("Weights:      blue 90% / green 10%");
    assertThat(json(cli("status", "deploy:svc1:local", "-o", "json").out()).get("phase").asText()).isEqualTo("AWAITING_APPROVAL");

    Cli.Result rejected = cli("promote", "deploy:svc1:local", "--as", "mallory");
    assertThat(rejected.code()).isEqualTo(64);
    assertThat(rejected.err()).contains("mallory may not approve in local");

    Cli.Result promoted = cli("promote", "deploy:svc1:local", "--as", "carol", "--comment", "looks good");
    assertThat(promoted.code()).as(promoted.err()).isZero();
    assertThat(promoted.out()).contains("promote accepted by deploy:svc1:local at step 1 (as carol): looks good");

    Cli.Result watched = cli("status", "deploy:svc1:local", "--watch");
    assertThat(watched.code()).isZero();
    assertThat(watched.out()).contains("Outcome:      SUCCEEDED");

    Cli.Result late = cli("promote", "deploy:svc1:local", "--as", "carol");
    assertThat(late.code()).isEqualTo(64);
    assertThat(late.err()).contains("deploy:svc1:local has already ended (completed)");
  }

  @Test
  void abortThenWatchExitsThree() {
    assertThat(cli("start", "code-deploy", "--service", "svc3", "--version", "v1.0.1", "--env", "local").code()).isZero();
    Cli.Result aborted = cli("abort", "deploy:svc3:local", "--as", "bob", "--reason", "bad gut");
    assertThat(aborted.code()).as(aborted.err()).isZero();
    assertThat(aborted.out()).contains("abort accepted by deploy:svc3:local");
    assertThat(cli("status", "deploy:svc3:local", "--watch", "-o", "json").code()).isEqualTo(3);
  }

  @Test
  void waitExitsWithTheOutcomeCode() throws IOException {
    Cli.Result rolledBack = cli("start", "code-deploy", "--service", "svc2", "--version", "v2.0.0", "--env", "local", "--wait");
    assertThat(rolledBack.code()).as(rolledBack.err()).isEqualTo(2);
    // no UI configured: no link to a port where nothing may listen, but the commands that show the run
    assertThat(rolledBack.out()).contains("started deploy:svc2:local").contains("Outcome:      ROLLED_BACK")
        .contains("follow it: runbook status deploy:svc2:local --watch --address " + temporal.address()
            + "  (or: temporal workflow show --workflow-id deploy:svc2:local --address " + temporal.address() + ")")
        .doesNotContain("http://")
        .contains("deploy:svc2:local ROLLED_BACK: error-rate 0.2 > 0.05 (exit 2)");

    Cli.Result failed = cli("start", "code-deploy", "--service", "svc4", "--version", "v4.0.4", "--env", "local", "--wait", "-o", "json");
    assertThat(failed.code()).isEqualTo(4);
    JsonNode result = json(failed.out());
    assertThat(result.get("exitCode").asInt()).isEqualTo(4);
    assertThat(result.get("error").asText()).isEqualTo("boom: the platform refused the release");
  }

  @Test
  void unknownRunsAreBadInput() {
    Cli.Result promote = cli("promote", "deploy:nope:local", "--as", "carol");
    assertThat(promote.code()).isEqualTo(64);
    assertThat(promote.err()).contains("no run deploy:nope:local");
    Cli.Result status = cli("status", "deploy:nope:local");
    assertThat(status.code()).isEqualTo(64);
    assertThat(status.err()).contains("no run deploy:nope:local");
  }
}
