package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.EMERGENCY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.ENV;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.ROLLBACK_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.EmergencyDeployRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RollbackRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.emergency.EmergencyDeployWorkflow;
import dev.runbook.workflows.rollback.RollbackWorkflow;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.emergency.EmergencyDeployWorkflowImpl;
import dev.runbook.workflows.rollback.RollbackWorkflowImpl;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.ScriptedWatch;
import dev.runbook.workflows.api.RunHeader;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One run per service and environment, and bad input failing fast with a message a person can act on. */
@RunbookTest({CodeDeployWorkflowImpl.class, EmergencyDeployWorkflowImpl.class, RollbackWorkflowImpl.class})
class StartRulesTest {
  private final RunbookTestEnvironment rt;

  StartRulesTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void aSecondDeployOfTheSameServiceAndEnvironmentIsRefusedWhileOneRuns() {
    assertThat(DEPLOY_ID).isEqualTo(Procedure.CODE_DEPLOY.workflowId(SERVICE, ENV)).isEqualTo("deploy:learning-api:production");
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    Throwable second = catchThrowable(() -> rt.startCodeDeploy("v1.6.1"));

    assertThat(second).isInstanceOf(WorkflowExecutionAlreadyStarted.class);
    assertThat(rt.status(DEPLOY_ID).version()).isEqualTo("v1.6.0");
    assertThat(rt.status(DEPLOY_ID).phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(rt.platform.calls()).noneMatch(c -> "v1.6.1".equals(c.arg()));
    rt.abort(DEPLOY_ID, "carol", "test over");
    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.ABORTED);
  }

  @Test
  void aCodeDeployUnderAFreeWorkflowIdIsRefusedWhileAnotherRunHoldsTheService() {
    ScriptedWatch.Block watching = rt.watch.blockDuring("alerting watch");
    rt.startEmergency("v1.5.1", "Fix XP calculation bug");
    watching.awaitEntered();

    // what the Temporal UI's Start Workflow form sends: a random workflow id, not the business key
    WorkflowClient.start(rt.client.newWorkflowStub(CodeDeployWorkflow.class, rt.options("ui-5f2c"))::deploy,
        new CodeDeployRequest(SERVICE, ENV, "v1.6.0", "dave", null));
    ApplicationFailure failure = failureOf("ui-5f2c");

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("TargetLocked");
    assertThat(failure.getOriginalMessage())
        .startsWith("learning-api in production is held by " + EMERGENCY_ID + " run ")
        .contains("(emergency-deploy, requested by carol, since ")
        .endsWith("start again when it has finished");
    assertThat(rt.searchAttribute("ui-5f2c", "RunbookOutcome")).isEqualTo("REFUSED");
    assertThat(rt.registry.finished()).anySatisfy(f -> {
      assertThat(f.workflowId()).isEqualTo("ui-5f2c");
      assertThat(f.outcome()).isEqualTo(Outcome.REFUSED);
    });
    assertThat(rt.registry.started()).extracting(RunHeader::workflowId).contains("ui-5f2c");
    assertThat(awaitRefusedCount()).as("a refused run is counted in runbook_runs_total").isEqualTo(1);
    assertThat(rt.platform.calls()).noneMatch(c -> "v1.6.0".equals(c.arg()));

    // the promotion cancels the blocked watch through its heartbeat; releasing the block as well
    // would race the cancel request against the activity's completion, which wedges the test server
    // (FAILED_PRECONDITION: ACTIVITY_UNKNOWN) though a real server takes either order
    rt.promote(EMERGENCY_ID, "alice");
    assertThat(rt.result(EMERGENCY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.locks.holders()).as("the emergency released the service when it ended").isEmpty();
  }

  @Test
  void twoCodeDeploysStartedTogetherUnderFreeIdsNeverBothMove() {
    WorkflowClient.start(rt.client.newWorkflowStub(CodeDeployWorkflow.class, rt.options("ui-1"))::deploy,
        new CodeDeployRequest(SERVICE, ENV, "v1.6.0", "dave", null));
    WorkflowClient.start(rt.client.newWorkflowStub(CodeDeployWorkflow.class, rt.options("ui-2"))::deploy,
        new CodeDeployRequest(SERVICE, ENV, "v1.6.1", "erin", null));

    String winner = rt.awaitStatusOfEither("ui-1", "ui-2", s -> s.phase() == Phase.AWAITING_APPROVAL);
    String loser = winner.equals("ui-1") ? "ui-2" : "ui-1";

    assertThat(failureOf(loser).getType()).isEqualTo("TargetLocked");
    assertThat(failureOf(loser).getOriginalMessage()).contains("held by " + winner);
    String loserVersion = loser.equals("ui-1") ? "v1.6.0" : "v1.6.1";
    assertThat(rt.platform.calls()).noneMatch(c -> loserVersion.equals(c.arg()));
    rt.abort(winner, "alice", "test over");
    assertThat(rt.result(winner).outcome()).isEqualTo(Outcome.ABORTED);
  }

  @Test
  void aVersionThePlatformDoesNotHaveIsRefusedBeforeAnythingMoves() {
    rt.platform.unknownVersion("v1.9.9");
    rt.startCodeDeploy("v1.9.9");

    ApplicationFailure failure = failureOf(DEPLOY_ID);

    assertThat(failure.getType()).isEqualTo("UnknownVersion");
    assertThat(failure.getOriginalMessage()).startsWith("learning-api in production has no release v1.9.9");
    assertNothingHappened(DEPLOY_ID);
  }

  @Test
  void anInputWithAnUnknownFieldIsRefusedNamingIt() throws Exception {
    CodeDeployRequest withTypo = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
        "{\"service\":\"learning-api\",\"environment\":\"production\",\"version\":\"v1.6.0\","
            + "\"requestedby\":\"carol\",\"skipCanary\":true}", CodeDeployRequest.class);
    rt.startCodeDeploy(withTypo);

    ApplicationFailure failure = failureOf(DEPLOY_ID);

    assertThat(failure.getType()).isEqualTo("UnknownFields");
    assertThat(failure.getOriginalMessage()).contains("'requestedby'").contains("did you mean requestedBy?")
        .contains("'skipCanary'");
    assertNothingHappened(DEPLOY_ID);
  }

  @Test
  void aBadVersionFailsFastAndNonRetryably() {
    rt.startCodeDeploy(new CodeDeployRequest(SERVICE, ENV, "1.6", "carol", null));

    ApplicationFailure failure = failureOf(DEPLOY_ID);

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("InvalidRequest");
    assertThat(failure.getOriginalMessage())
        .isEqualTo("invalid request: version '1.6' is not a release version like v1.5.1 (v + MAJOR.MINOR.PATCH)");
    assertNothingHappened(DEPLOY_ID);
  }

  @Test
  void everyProblemOfARequestIsListedAtOnce() {
    rt.startCodeDeploy(new CodeDeployRequest("Learning API", ENV, null, "carol smith", null));

    String message = failureOf(DEPLOY_ID).getOriginalMessage();

    assertThat(message).contains("service 'Learning API' is not a service name")
        .contains("version is required, e.g. v1.5.1")
        .contains("requestedBy 'carol smith' is not an identity");
  }

  @Test
  void anEmergencyDeployWithoutAReasonFailsFast() {
    rt.startEmergency("v1.5.1", "  ");

    ApplicationFailure failure = failureOf(EMERGENCY_ID);

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("reason is required: an emergency deploy skips the canary");
    assertThat(rt.runControl.calls()).as("nothing is aborted for an invalid emergency").isEmpty();
    assertNothingHappened(EMERGENCY_ID);
  }

  @Test
  void aRollbackWithoutAReasonFailsFast() {
    rt.startRollback("v1.4.0", null);

    assertThat(failureOf(ROLLBACK_ID).getOriginalMessage()).contains("reason is required: the incident report needs it");
  }

  @Test
  void anUnknownEnvironmentFailsFastWithTheKnownOnes() {
    rt.startCodeDeploy(new CodeDeployRequest(SERVICE, "prod", "v1.6.0", "carol", null));
    String id = Procedure.CODE_DEPLOY.workflowId(SERVICE, "prod");
    assertThat(id).isNotEqualTo(DEPLOY_ID);

    ApplicationFailure failure = failureOf(DEPLOY_ID);

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).isEqualTo("unknown environment 'prod'; known: production");
    assertThat(rt.policies.calls()).hasSize(1);
    assertNothingHappened(DEPLOY_ID);
  }

  @Test
  void anUnknownServiceFailsFast() {
    rt.startCodeDeploy(new CodeDeployRequest("search-api", ENV, "v1.6.0", "carol", null));

    assertThat(failureOf(DEPLOY_ID).getOriginalMessage()).contains("unknown service 'search-api' in production");
  }

  @Test
  void anEmptyInputFromTheUiFailsFastInsteadOfRetryingForever() {
    WorkflowClient.start(rt.client.newWorkflowStub(CodeDeployWorkflow.class, rt.options(DEPLOY_ID))::deploy,
        (CodeDeployRequest) null);
    WorkflowClient.start(rt.client.newWorkflowStub(EmergencyDeployWorkflow.class, rt.options(EMERGENCY_ID))::deploy,
        (EmergencyDeployRequest) null);
    WorkflowClient.start(rt.client.newWorkflowStub(RollbackWorkflow.class, rt.options(ROLLBACK_ID))::rollback,
        (RollbackRequest) null);

    assertThat(failureOf(DEPLOY_ID).getOriginalMessage()).contains("input is missing");
    assertThat(failureOf(EMERGENCY_ID).getOriginalMessage()).contains("input is missing");
    assertThat(failureOf(ROLLBACK_ID).getOriginalMessage()).contains("input is missing");
  }

  private long awaitRefusedCount() {
    try {
      return rt.metrics.awaitCounter("runbook_runs", java.util.Map.of("procedure", "code-deploy", "outcome", "REFUSED"), 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ApplicationFailure failureOf(String workflowId) {
    Throwable t = catchThrowable(() ->
        rt.untyped(workflowId).getResult(15, TimeUnit.SECONDS, RunbookResult.class));
    assertThat(t).as("the run fails (a workflow task failure would retry forever instead)")
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(t.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) t.getCause();
  }

  private void assertNothingHappened(String workflowId) {
    assertThat(rt.platform.calls()).isEmpty();
    assertThat(rt.events(workflowId, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)).isEmpty();
    assertThat(rt.searchAttribute(workflowId, "RunbookOutcome")).isEqualTo("REFUSED");
    assertThat(rt.registry.finished()).anySatisfy(f -> {
      assertThat(f.workflowId()).isEqualTo(workflowId);
      assertThat(f.outcome()).isEqualTo(Outcome.REFUSED);
    });
  }
}
