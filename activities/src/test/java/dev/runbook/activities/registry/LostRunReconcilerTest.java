package dev.runbook.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.activities.control.AbortableWorkflow;
import dev.runbook.activities.support.TestPostgres;
import dev.runbook.activities.testing.VirtualClock;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.contract.RunRecord;
import dev.runbook.workflows.api.Outcome;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real Temporal test server and a real Postgres: the registry's open runs against what the server knows. */
class LostRunReconcilerTest {
  private static final long T0 = 1_763_700_000_000L;
  private static TestPostgres pg;
  private static TestWorkflowEnvironment temporal;

  @BeforeAll
  static void start() throws Exception {
    pg = TestPostgres.startMigrated();
    temporal = TestWorkflowEnvironment.newInstance();
    Worker worker = temporal.newWorker("runbook-test");
    worker.registerWorkflowImplementationTypes(AbortableWorkflow.Impl.class);
    temporal.start();
  }

  @AfterAll
  static void stop() throws Exception {
    temporal.close();
    pg.close();
  }

  private static RunRecord run(String workflowId, String runId, String service) {
    return new RunRecord(new RunHeader("code-deploy", workflowId, runId, service, "local", "v1.5.1", "alice", null, null, T0));
  }

  private static String outcome(String runId) throws Exception {
    return pg.text("SELECT coalesce(outcome, 'RUNNING') FROM runbook.runs WHERE run_id = '" + runId + "'");
  }

  @Test
  void runsTheServerForgotAreLostAndTheirTrafficRestoredRunsItKnowsAreUntouched() throws Exception {
    pg.clean();
    WorkflowClient client = temporal.getWorkflowClient();
    AbortableWorkflow running = client.newWorkflowStub(AbortableWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue("runbook-test").setWorkflowId("deploy:web:local").build());
    WorkflowExecution known = WorkflowClient.start(running::run, false);

    RegistryActivitiesImpl registry = new RegistryActivitiesImpl(pg.dataSource());
    String forgotten = UUID.randomUUID().toString();
    String forgottenOnABusyTarget = UUID.randomUUID().toString();
    String finished = UUID.randomUUID().toString();
    registry.recordRunStarted(run("deploy:web:local", known.getRunId(), "web"));
    registry.recordRunStarted(run("deploy:learning-api:local", forgotten, "learning-api"));
    registry.recordRunStarted(run("deploy:web:local", forgottenOnABusyTarget, "web"));
    registry.recordRunStarted(run("deploy:bot:local", finished, "bot"));
    registry.recordRunFinished("deploy:bot:local", finished, Outcome.SUCCEEDED, "done", "v1.0.0");

    List<String> restored = new ArrayList<>();
    LostRunReconciler reconciler = new LostRunReconciler(pg.dataSource(),
        new TemporalServerRuns(client, Duration.ofSeconds(10)),
        (service, environment) -> {
          restored.add(service + "/" + environment);
          return "100% back on blue (v1.5.0)";
        },
        new VirtualClock(T0 + 60_000));

    List<LostRunReconciler.LostRun> lost = reconciler.reconcile();

    assertThat(lost).containsExactlyInAnyOrder(
        new LostRunReconciler.LostRun("deploy:learning-api:local", forgotten, "code-deploy", "learning-api", "local",
            "100% back on blue (v1.5.0)"),
        // its target still has a run the server knows: that run owns the traffic
        new LostRunReconciler.LostRun("deploy:web:local", forgottenOnABusyTarget, "code-deploy", "web", "local", null));
    assertThat(restored).containsExactly("learning-api/local");
    assertThat(outcome(forgotten)).isEqualTo("LOST");
    assertThat(outcome(forgottenOnABusyTarget)).isEqualTo("LOST");
    assertThat(outcome(known.getRunId())).isEqualTo("RUNNING");
    assertThat(outcome(finished)).isEqualTo("SUCCEEDED");
    assertThat(pg.text("SELECT outcome_reason FROM runbook.runs WHERE run_id = '" + forgotten + "'"))
        .contains("no longer knows this run");

    assertThat(reconciler.reconcile()).as("a second start finds nothing more").isEmpty();
    assertThat(restored).hasSize(1);
  }
}
