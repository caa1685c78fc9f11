package dev.runbook.activities.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.RunControlActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunControlActivitiesImplTest {
  private static final String QUEUE = "runbook-test";
  private static final String DEPLOY_ID = "deploy:learning-api:production";

  private TestWorkflowEnvironment workflows;
  private TestActivityEnvironment activities;
  private WorkflowClient client;
  private RunControlActivities control;

  @BeforeEach
  void setUp() {
    // real time: these runs wait for signals only, and skipped time would time out a run left waiting
    workflows = TestWorkflowEnvironment.newInstance(
        io.temporal.testing.TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = workflows.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(AbortableWorkflow.Impl.class);
    workflows.start();
    client = workflows.getWorkflowClient();

    activities = TestActivityEnvironment.newInstance();
    activities.registerActivitiesImplementations(new RunControlActivitiesImpl(client, Duration.ofMillis(50)));
    control = activities.newActivityStub(RunControlActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
  }

  @AfterEach
  void tearDown() {
    activities.close();
    workflows.close();
  }

  private AbortableWorkflow start(boolean failOnAbort) {
    AbortableWorkflow deploy = client.newWorkflowStub(AbortableWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(DEPLOY_ID).build());
    WorkflowClient.start(deploy::run, failOnAbort);
    return deploy;
  }

  @Test
  void abortsTheRunningRunAndReturnsItsOutcome() {
    AbortableWorkflow deploy = start(false);

    String outcome = control.abortRunAndWait(DEPLOY_ID, "bob", "rolling back v1.5.1");

    assertThat(outcome).isEqualTo("ABORTED");
    RunbookResult result = WorkflowStub.fromTyped(deploy).getResult(RunbookResult.class);
    assertThat(result.reason()).isEqualTo("bob: rolling back v1.5.1 (" + DEPLOY_ID + ")");
  }

  @Test
  void nothingRunningMeansNull() {
    assertThat(control.abortRunAndWait("deploy:nothing:production", "bob", "x")).isNull();

    start(false);
    assertThat(control.abortRunAndWait(DEPLOY_ID, "bob", "first")).isEqualTo("ABORTED");
    assertThat(control.abortRunAndWait(DEPLOY_ID, "bob", "again")).isNull();
  }

  @Test
  void aRunThatFailsWhileAbortingReportsItsCloseStatus() {
    AbortableWorkflow deploy = start(true);

    assertThat(control.abortRunAndWait(DEPLOY_ID, "bob", "stop")).isEqualTo("FAILED");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkflowStub.fromTyped(deploy).getResult(RunbookResult.class))
        .isInstanceOf(WorkflowFailedException.class);
  }

  @Test
  void refusedAbortFailsFastInsteadOfWaitingForever() {
    start(false);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> control.abortRunAndWait(DEPLOY_ID, "dave", "emergency"))
        .hasStackTraceContaining("cannot abort " + DEPLOY_ID + ": dave may not abort in production; allowed: bob");
    assertThat(control.abortRunAndWait(DEPLOY_ID, "bob", "emergency")).isEqualTo("ABORTED");
  }

  /** A lock's holder is aborted by its run id: a newer run under the same id is never touched. */
  @Test
  void anExactAbortReachesOnlyTheRunItNames() {
    AbortableWorkflow first = start(false);
    String firstRun = WorkflowStub.fromTyped(first).getExecution().getRunId();
    assertThat(control.abortRunAndWait(DEPLOY_ID, "bob", "first ends")).isEqualTo("ABORTED");
    AbortableWorkflow second = start(false);

    assertThat(control.abortExactRunAndWait(DEPLOY_ID, firstRun, "bob", "aimed at the first run"))
        .as("the named run had already ended: its outcome, nothing aborted").isEqualTo("ABORTED");
    assertThat(WorkflowStub.fromTyped(second).describe().getStatus())
        .as("the newer run under the same id goes on").isEqualTo(io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    String secondRun = WorkflowStub.fromTyped(second).getExecution().getRunId();
    assertThat(control.abortExactRunAndWait(DEPLOY_ID, secondRun, "bob", "now this one")).isEqualTo("ABORTED");
    assertThat(control.abortExactRunAndWait(DEPLOY_ID, java.util.UUID.randomUUID().toString(), "bob", "x")).isNull();
  }

  @Test
  void describesOnlyRunningRuns() {
    assertThat(control.describeRunning(DEPLOY_ID)).isNull();
    start(false);
    assertThat(control.describeRunning(DEPLOY_ID)).contains("run ").contains("started");
    control.abortRunAndWait(DEPLOY_ID, "bob", "done");
    assertThat(control.describeRunning(DEPLOY_ID)).isNull();
  }
}
