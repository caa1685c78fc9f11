package dev.runbook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.activities.lessons.LessonStoreActivitiesImpl;
import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.ConfigUpdateRequest;
import dev.runbook.workflows.configupdate.ConfigUpdateWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflow;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.lessonupdate.LessonPolicy;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The worker as a whole, on real parts: Spring wiring, Flyway on embedded Postgres, the sandbox
 * platform over HTTP, the Temporal test server, real deploys; then the actuator endpoints and the
 * registry API show what happened.
 */
@WorkerContextTest
class WorkerEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestWorkflowEnvironment testEnv;
  @Autowired WorkflowClient client;
  @Autowired LessonStoreActivitiesImpl lessonStore;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @BeforeEach
  void registerSearchAttributes() {
    SearchAttributeKeys.ALL.forEach(key -> {
      try {
        testEnv.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      } catch (RuntimeException alreadyRegistered) {
        // registered by an earlier test method
      }
    });
  }

  @Test
  void healthyReleaseGoesLiveAndABadOneIsRolledBackWithMetricsAndRegistryToShowForIt() throws Exception {
    RunbookResult good = deploy("v1.5.1");
    assertThat(good.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(good.liveVersion()).isEqualTo("v1.5.1");

    RunbookResult bad = deploy("v1.6.0");
    assertThat(bad.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(bad.reason()).contains("error-rate");
    assertThat(bad.liveVersion()).isEqualTo("v1.5.1");
    assertThat(bad.incidentReportId()).isNotBlank();
    assertThat(LocalPeers.get(SharedPeers.SANDBOX.adminUrl() + "/api/services/learning-api"))
        .contains("\"version\":\"v1.5.1\",\"role\":\"LIVE\",\"weight\":100");

    assertThat(LocalPeers.get(base() + "/actuator/health")).contains("\"status\":\"UP\"");
    String metrics = awaitMetric("runbook_runs_total\\{[^}]*outcome=\"ROLLED_BACK\"");
    assertThat(metrics)
        .containsPattern("runbook_runs_total\\{[^}]*outcome=\"SUCCEEDED\"[^}]*} 1\\.0")
        .containsPattern("runbook_runs_total\\{[^}]*outcome=\"ROLLED_BACK\"[^}]*} 1\\.0")
        .containsPattern("runbook_rollbacks_total\\{[^}]*trigger=\"error-rate\"")
        .contains("runbook_breach_to_rollback_seconds")
        .contains("temporal_workflow_completed_total")
        .contains("runbook_watch_slots_in_use").contains("runbook_watch_slots_available");
    assertThat(metrics).doesNotContain("deploy:learning-api");
    assertThat(metrics).contains("runbook_watches_open").contains("runbook_watch_inconclusive_seconds_max")
        .containsPattern("runbook_rollbacks_incomplete_total\\{environment=\"[^\"]+\",procedure=\"code-deploy\"} 0\\.0")
        .containsPattern("runbook_approvals_overdue_total\\{environment=\"[^\"]+\",procedure=\"emergency-deploy\"} 0\\.0");
    assertThat(metrics.lines().filter(l -> l.startsWith("runbook_")))
        .as("runbook meters carry their own labels, not the SDK's activity_type=\"none\" and the like")
        .noneMatch(l -> l.contains("activity_type=") || l.contains("signal_name="));

    String runs = LocalPeers.get(base() + "/api/runs?service=learning-api");
    assertThat(runs).contains("\"outcome\":\"ROLLED_BACK\"").contains("\"outcome\":\"SUCCEEDED\"");
  }

  @Test
  void theLessonStoreThePlatformDeployedServesTheEnvironmentsLessonPolicy() throws Exception {
    LessonPolicy policy = lessonStore.resolveLessonPolicy("stock_basics_001", "itest");
    assertThat(policy.rollout().service()).isEqualTo("stock_basics_001");
    assertThat(policy.rollout().rollout().steps()).extracting(RolloutStep::weight).containsExactly(50, 100);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM platform.lesson_versions")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void aConfigValueTheInstancesCannotReadIsRestoredAndTheRealInstancesRestartedOnIt() throws Exception {
    String service = SharedPeers.SANDBOX.adminUrl() + "/api/services/learning-api";
    String before = JSON.readTree(LocalPeers.get(service + "/config")).path("hash").asText();

    RunbookResult bad = configUpdate("soon");

    assertThat(bad.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(bad.reason()).contains("Batch 1/2").contains("503");
    JsonNode config = JSON.readTree(LocalPeers.get(service + "/config"));
    assertThat(config.path("hash").asText()).as("the recorded config is back").isEqualTo(before);
    String live = JSON.readTree(LocalPeers.get(service)).path("liveColour").asText();
    JsonNode instances = JSON.readTree(LocalPeers.get(service + "/slots/" + live + "/instances"));
    assertThat(instances).hasSize(4).allSatisfy(i -> {
      assertThat(i.path("configRevision").asInt()).isEqualTo(config.path("revision").asInt());
      assertThat(LocalPeers.get(i.path("url").asText() + "/health")).isEqualTo("ok");
    });

    assertThat(configUpdate("5000").outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  private RunbookResult configUpdate(String timeoutMs) {
    ConfigUpdateWorkflow run = client.newWorkflowStub(ConfigUpdateWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue("runbook").setWorkflowId(Procedure.CONFIG_UPDATE.workflowId("learning-api", "itest")).build());
    return run.update(new ConfigUpdateRequest("learning-api", "itest", Map.of("REQUEST_TIMEOUT_MS", timeoutMs), null,
        null, null, "alice", "test-timeout-" + timeoutMs));
  }

  private RunbookResult deploy(String version) {
    CodeDeployWorkflow run = client.newWorkflowStub(CodeDeployWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue("runbook").setWorkflowId(Procedure.CODE_DEPLOY.workflowId("learning-api", "itest")).build());
    return run.deploy(new CodeDeployRequest("learning-api", "itest", version, "alice", "test-" + version));
  }

  /**
   * The SDK's metrics scope flushes counters on its reporting interval (timers go out at once), so
   * a counter shows up on /actuator/prometheus a few seconds after the run that counted it.
   */
  private String awaitMetric(String regex) throws Exception {
    // Wait for the last run's counter itself: an earlier run's may be flushed while this one's is not.
    Pattern pattern = Pattern.compile(regex);
    String metrics = LocalPeers.get(base() + "/actuator/prometheus");
    for (int i = 0; i < 60 && !pattern.matcher(metrics).find(); i++) {
      Thread.sleep(500);
      metrics = LocalPeers.get(base() + "/actuator/prometheus");
    }
    return metrics;
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
