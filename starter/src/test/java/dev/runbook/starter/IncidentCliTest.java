package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.EscalationLevel;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.incident.IncidentResponseWorkflowImpl;
import io.temporal.activity.Activity;
import io.temporal.activity.DynamicActivity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `runbook incident ...` against a real embedded Temporal server and the real IncidentResponse
 * workflow; its activities answer as a worker with one environment, {@code local}, would.
 */
class IncidentCliTest {
  private static final String ID = "incident:learning-api:local";
  private static TestTemporal temporal;

  @BeforeAll
  static void startTemporal() throws IOException {
    temporal = TestTemporal.start(IncidentCliTest::activity, IncidentResponseWorkflowImpl.class);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  /** The policy resolver knows learning-api in local; the other activities (registry, notifier, run control) do nothing. */
  private static Object activity(io.temporal.common.converter.EncodedValues args) {
    if (!Activity.getExecutionContext().getInfo().getActivityType().equals("ResolvePolicy")) {
      return null;
    }
    String environment = args.get(2, String.class);
    if (!environment.equals("local")) {
      throw ApplicationFailure.newNonRetryableFailure("unknown environment '" + environment + "'; known: local",
          "UnknownEnvironment");
    }
    return new EnvironmentPolicy("local", "learning-api", "sandbox", List.of(),
        new ApprovalPolicy(true, List.of("alice"), true, 600, ApprovalTimeoutAction.HOLD_AND_REMIND, 120), 1, 5, 60,
        null, null, new EscalationPolicy(List.of(new EscalationLevel("development team", List.of("alice", "bob"), 900),
            new EscalationLevel("executive", List.of("dana"), 900)), 0, 1800, 86_400, 21_600));
  }

  private static Cli.Result cli(String... args) {
    return temporal.cli(args);
  }

  @Test
  void openJoinAcknowledgeResolveAndReportThroughTheCli() throws Exception {
    Cli.Result badSeverity = cli("incident", "open", "--severity", "4", "--service", "learning-api", "--env", "local",
        "--summary", "x", "--as", "carol");
    assertThat(badSeverity.code()).isEqualTo(64);
    assertThat(badSeverity.err()).contains("severity 4 is not a severity");

    Cli.Result unknownEnv = cli("incident", "open", "--severity", "1", "--service", "learning-api", "--env", "nowhere",
        "--summary", "x", "--as", "carol");
    assertThat(unknownEnv.code()).as(unknownEnv.out()).isEqualTo(64);
    assertThat(unknownEnv.err()).contains("unknown environment 'nowhere'");

    Cli.Result opened = cli("incident", "open", "--severity", "1", "--service", "learning-api", "--env", "local",
        "--summary", "error rate 12%", "--as", "carol");
    assertThat(opened.code()).as(opened.err()).isZero();
    assertThat(opened.out()).startsWith("opened incident " + ID + " (sev1, open)");

    Cli.Result joined = cli("incident", "open", "--severity", "2", "--service", "learning-api", "--env", "local",
        "--summary", "p95 3s", "--as", "carol", "-o", "json");
    assertThat(joined.code()).as(joined.err()).isZero();
    assertThat(Json.MAPPER.readTree(joined.out()).get("joined").asBoolean()).isTrue();

    Cli.Result stranger = cli("incident", "ack", ID, "--as", "mallory");
    assertThat(stranger.code()).isEqualTo(64);
    assertThat(stranger.err()).contains("mallory is not on the escalation policy of local; on it: alice, bob, dana");

    Cli.Result ack = cli("incident", "ack", ID, "--as", "bob");
    assertThat(ack.code()).as(ack.err()).isZero();
    assertThat(ack.out()).contains("acknowledged " + ID + " as bob at level 1").contains("target 300s met");

    Cli.Result status = cli("incident", "status", ID);
    assertThat(status.out()).contains("State         ACKNOWLEDGED", "level 1 development team (alice, bob) page 1",
        "joined: p95 3s");

    assertThat(cli("incident", "resolve", ID, "--as", "alice", "--summary", "rolled back").code()).isZero();
    Cli.Result report = cli("incident", "report", ID, "-o", "json");
    assertThat(Json.MAPPER.readTree(report.out()).get("state").asText()).isEqualTo("RESOLVED");

    Cli.Result filed = cli("incident", "report", ID, "--as", "alice", "--root-cause", "pool exhausted");
    assertThat(filed.code()).as(filed.err()).isZero();
    assertThat(filed.out()).contains("| Root cause | pool exhausted (alice) |", "## Timeline");

    Cli.Result closed = cli("incident", "ack", ID, "--as", "bob");
    assertThat(closed.code()).isEqualTo(64);
    assertThat(closed.err()).contains(ID + " has already ended (completed); nothing to act on");
  }
}
