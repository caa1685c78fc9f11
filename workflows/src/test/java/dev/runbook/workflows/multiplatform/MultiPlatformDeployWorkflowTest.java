package dev.runbook.workflows.multiplatform;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.ENV;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.REQUESTER;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.api.MultiPlatformRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's multi-platform deploy: primary, secondary, tertiary in the configured order, each
 * recorded before it changes; a failure rolls back the changed ones newest first; a rollback that
 * fails escalates and leaves the rest as they are; bad input is refused before anything moves.
 */
@RunbookTest(MultiPlatformDeployWorkflowImpl.class)
class MultiPlatformDeployWorkflowTest {
  static final String ID = Procedure.MULTI_PLATFORM.workflowId(SERVICE, ENV);
  private final RunbookTestEnvironment rt;

  MultiPlatformDeployWorkflowTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }

  private RunbookResult run(List<String> platforms) {
    MultiPlatformDeployWorkflow stub = rt.client.newWorkflowStub(MultiPlatformDeployWorkflow.class, rt.options(ID));
    WorkflowClient.start(stub::deploy, new MultiPlatformRequest(SERVICE, ENV, "v2.1.0", platforms, REQUESTER, "ci-9"));
    return rt.result(ID);
  }

  @Test
  void deploysPrimaryThenSecondaryThenTertiaryEachHealthCheckedAfterRecordingItsRelease() {
    // the request's order does not matter: the configuration's does
    RunbookResult result = run(List.of("render", "fly", "railway"));

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).isEqualTo("v2.1.0 live on fly, railway, render");
    assertThat(rt.hosted.calls()).containsExactly("plan production [render, fly, railway]",
        "record fly", "deploy fly v2.1.0", "health fly",
        "record railway", "deploy railway v2.1.0", "health railway",
        "record render", "deploy render v2.1.0", "health render");
    RunbookStatus status = rt.status(ID);
    assertThat(status.steps()).extracting(StepView::name).containsExactly(
        "Deploy v2.1.0 to fly (primary)", "Health check fly", "Deploy v2.1.0 to railway (secondary)",
        "Health check railway", "Deploy v2.1.0 to render (tertiary)", "Health check render");
    assertThat(status.steps()).extracting(StepView::state).containsOnly(StepState.SUCCEEDED);
    assertThat(status.steps().get(0).detail()).isEqualTo("fly-r1 → fly-r2");
    assertThat(rt.searchAttribute(ID, "RunbookProcedure")).isEqualTo("multi-platform");
    assertThat(rt.searchAttribute(ID, "RunbookVersion")).isEqualTo("v2.1.0");
    assertThat(rt.searchAttribute(ID, "RunbookOutcome")).isEqualTo("SUCCEEDED");
    assertThat(rt.locks.holders()).as("the service's lock is released at the end").isEmpty();
  }

  @Test
  void aSecondaryThatFailsItsHealthCheckRollsBackSecondaryThenPrimaryAndLeavesTheTertiaryAlone() {
    rt.hosted.unhealthy("railway");
    RunbookResult result = run(null);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains("failed its health check on railway (secondary)");
    assertThat(rt.hosted.changes()).containsExactly("deploy fly v2.1.0", "deploy railway v2.1.0",
        "rollback railway railway-r1", "rollback fly fly-r1");
    assertThat(List.of(rt.hosted.versionOn("fly"), rt.hosted.versionOn("railway"), rt.hosted.versionOn("render")))
        .containsOnly("v2.0.0");
    assertThat(rt.status(ID).steps()).extracting(StepView::name, StepView::state).contains(
        org.assertj.core.groups.Tuple.tuple("Roll back railway to v2.0.0 (railway-r1)", StepState.ROLLED_BACK),
        org.assertj.core.groups.Tuple.tuple("Roll back fly to v2.0.0 (fly-r1)", StepState.ROLLED_BACK),
        org.assertj.core.groups.Tuple.tuple("Deploy v2.1.0 to render (tertiary)", StepState.SKIPPED));
    assertThat(rt.incidents.requests()).isEmpty();
  }

  @Test
  void aRollbackThatFailsEscalatesAndLeavesThePlatformsNotYetRolledBackAsTheyAre() {
    rt.hosted.unhealthy("render").rollbackFails("railway");
    RunbookResult result = run(null);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).startsWith("rollback incomplete");
    assertThat(rt.hosted.changes()).as("render rolled back, railway's rollback refused, fly never touched again")
        .containsExactly("deploy fly v2.1.0", "deploy railway v2.1.0", "deploy render v2.1.0",
            "rollback render render-r1", "rollback railway railway-r1");
    assertThat(rt.hosted.versionOn("fly")).isEqualTo("v2.1.0");
    assertThat(rt.hosted.versionOn("railway")).isEqualTo("v2.1.0");
    assertThat(rt.hosted.versionOn("render")).isEqualTo("v2.0.0");
    assertThat(rt.notifier.withTitleContaining("Rollback failed - escalating")).singleElement()
        .satisfies(n -> {
          assertThat(n.severity()).isEqualTo(Severity.PAGE);
          assertThat(n.body()).contains("railway could not go back to v2.0.0", "left as they are: fly");
        });
    assertThat(rt.incidents.requests()).as("an incident opened through the opener").hasSize(1);
    assertThat(rt.status(ID).steps()).extracting(StepView::name, StepView::state).contains(
        org.assertj.core.groups.Tuple.tuple("Roll back fly to v2.0.0 (fly-r1)", StepState.SKIPPED));
  }

  @Test
  void anUnknownPlatformIsRefusedNonRetryablyBeforeAnythingMoves() {
    MultiPlatformDeployWorkflow stub = rt.client.newWorkflowStub(MultiPlatformDeployWorkflow.class, rt.options(ID));
    WorkflowClient.start(stub::deploy, new MultiPlatformRequest(SERVICE, ENV, "v2.1.0", List.of("fly", "heroku"),
        REQUESTER, null));

    assertThatThrownBy(() -> rt.untyped(ID).getResult(30, TimeUnit.SECONDS, RunbookResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("UnknownPlatform");
          assertThat(f.getOriginalMessage()).contains("unknown platform 'heroku'", "configured: fly, railway, render");
        });
    assertThat(rt.hosted.changes()).isEmpty();
    assertThat(rt.searchAttribute(ID, "RunbookOutcome")).isEqualTo("REFUSED");
  }

  @Test
  void malformedRequestsAreRefusedWithEveryProblem() {
    MultiPlatformDeployWorkflow stub = rt.client.newWorkflowStub(MultiPlatformDeployWorkflow.class, rt.options(ID));
    WorkflowClient.start(stub::deploy, new MultiPlatformRequest(SERVICE, ENV, "latest", List.of("fly", "fly", "Fly;rm"),
        REQUESTER, null));

    assertThatThrownBy(() -> rt.untyped(ID).getResult(30, TimeUnit.SECONDS, RunbookResult.class))
        .rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("InvalidRequest");
          assertThat(f.getOriginalMessage()).contains("version", "platform 'fly' is named twice",
              "platform 'Fly;rm' is not a platform name");
        });
    assertThat(rt.hosted.calls()).isEmpty();
  }
}
