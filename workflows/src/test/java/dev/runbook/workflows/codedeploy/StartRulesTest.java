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
  void aCodeDeployIsRefusedWhileAnEmergencyDeployOfTheSameServiceRuns() {
    rt.runControl.running(EMERGENCY_ID, "SUCCEEDED");
    rt.startCodeDeploy("v1.6.0");

    ApplicationFailure failure = failureOf(DEPLOY_ID);

    assertThat(failure.getType()).isEqualTo("RunInProgress");
    assertThat(failure.getOriginalMessage())
        .startsWith("learning-api in production is being changed by " + EMERGENCY_ID)
        .endsWith("start again when it has finished");
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
    assertThat(rt.searchAttribute(workflowId, "RunbookOutcome")).isEqualTo("FAILED");
  }
}
