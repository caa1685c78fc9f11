package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.ENV;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.REQUESTER;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.ReleaseRuns;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/** "Always deploy to staging first": production refuses a version staging has not seen succeed, unless there is a reason. */
@RunbookTest(CodeDeployWorkflowImpl.class)
class StagingFirstTest {
  private final RunbookTestEnvironment rt;

  StagingFirstTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    rt.stagingFirst.require(ENV, "staging");
    rt.policies.use(Policies.autoGates(Policies.production()));
  }

  @Test
  void aVersionNotYetSuccessfulInStagingIsRefusedBeforeAnythingMoves() {
    rt.startCodeDeploy("v1.6.0");

    assertThatThrownBy(() -> rt.result(DEPLOY_ID)).isInstanceOf(WorkflowFailedException.class)
        .rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("NotStaged");
          assertThat(f.getOriginalMessage()).isEqualTo("learning-api v1.6.0 has not succeeded in staging yet (no "
              + "successful code deploy of v1.6.0 in staging): always deploy to staging first, or give a reason");
        });
    assertThat(rt.status(DEPLOY_ID).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(rt.platform.mutatingCalls()).isEmpty();
  }

  @Test
  void aReasonDeploysAnywayAndSaysWhy() {
    rt.startCodeDeploy(new CodeDeployRequest(SERVICE, ENV, "v1.6.0", REQUESTER, "ci-1", "INC-7 hotfix, staging is down"));

    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(DEPLOY_ID).log()).extracting(LogEntry::message).contains("not yet successful in staging (no "
        + "successful code deploy of v1.6.0 in staging); deployed anyway: INC-7 hotfix, staging is down");
  }

  @Test
  void aSuccessInStagingLetsProductionDeploy() {
    rt.policies.use(ReleaseRuns.renamed(Policies.autoGates(Policies.production()), "staging"));
    rt.platforms.split("staging");
    rt.startCodeDeploy(new CodeDeployRequest(SERVICE, "staging", "v1.6.0", REQUESTER, "ci-1"));
    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);

    rt.startCodeDeploy("v1.6.0");

    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.platform.liveVersion()).isEqualTo("v1.6.0");
  }
}
