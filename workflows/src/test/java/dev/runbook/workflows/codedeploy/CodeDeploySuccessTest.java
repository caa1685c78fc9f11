package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.RunbookTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The happy path of a production code deploy, with the production policy and two approvals. */
@RunbookTest(CodeDeployWorkflowImpl.class)
class CodeDeploySuccessTest {
  private final RunbookTestEnvironment rt;

  CodeDeploySuccessTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void deploysThroughBothGatesAndRetiresTheOldColour() {
    rt.startCodeDeploy("v1.6.0");

    RunbookStatus atFirstGate = rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
    assertThat(atFirstGate.weights()).containsEntry("green", 10).containsEntry("blue", 90);
    assertThat(atFirstGate.allowedApprovers()).containsExactly("alice", "bob");
    assertThat(atFirstGate.waitingFor()).contains("promote");
    rt.promote(DEPLOY_ID, "bob");

    RunbookStatus atSecondGate = rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");
    assertThat(atSecondGate.weights()).containsEntry("green", 50).containsEntry("blue", 50);
    rt.promote(DEPLOY_ID, "alice");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.liveVersion()).isEqualTo("v1.6.0");
    assertThat(result.liveColour()).isEqualTo("green");
    assertThat(rt.platform.mutatingCalls()).containsExactly(
        "deployRelease green v1.6.0",
        "smokeTest green",
        "shiftTraffic green 10",
        "shiftTraffic green 50",
        "shiftTraffic green 100",
        "markLive green",
        "retireSlot blue");
    assertThat(rt.platform.liveColour()).isEqualTo("green");
    assertThat(rt.platform.slot("green").weight()).isEqualTo(100);
    assertThat(rt.platform.slot("blue").role()).isEqualTo(SlotRole.RETIRED);

    assertThat(rt.watch.requests()).extracting(r -> r.windowSeconds()).containsExactly(1800L, 3600L, 900L);
    assertThat(rt.watch.requests()).allSatisfy(r -> {
      assertThat(r.canaryColour()).isEqualTo("green");
      assertThat(r.canaryVersion()).isEqualTo("v1.6.0");
      assertThat(r.pollSeconds()).isEqualTo(10);
    });
    // canary windows compare with blue; after the cutover blue has no traffic, so no baseline
    assertThat(rt.watch.requests()).extracting(r -> r.stableColour()).containsExactly("blue", "blue", null);
    // and each side is read by its release, so a lookback never counts another release on that colour
    assertThat(rt.watch.requests()).extracting(r -> r.stableVersion()).containsExactly("v1.5.0", "v1.5.0", null);
    assertThat(rt.watch.requests().get(0).rules()).isEqualTo(Policies.productionRules());
    assertThat(rt.watch.requests().get(2).rules()).extracting(r -> r.name()).doesNotContain(Policies.DEGRADATION)
        .contains(Policies.ERROR_RATE, Policies.P95, Policies.HEALTH, Policies.COMPLAINTS_RULE);
    assertThat(rt.searchAttribute(DEPLOY_ID, "RunbookOutcome")).isEqualTo("SUCCEEDED");
    assertThat(rt.searchAttribute(DEPLOY_ID, "RunbookVersion")).isEqualTo("v1.6.0");
    assertThat(rt.searchAttribute(DEPLOY_ID, "RunbookService")).isEqualTo("learning-api");

    List<ApprovalRecord> approvals = rt.registry.approvals();
    assertThat(approvals).extracting(ApprovalRecord::approver, ApprovalRecord::action, ApprovalRecord::accepted)
        .containsExactly(
            tuple("bob", "promote", true),
            tuple("alice", "promote", true));
    assertThat(rt.registry.finished()).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(f.liveVersion()).isEqualTo("v1.6.0");
    });
    assertThat(rt.registry.started()).singleElement().satisfies(r -> {
      assertThat(r.workflowId()).isEqualTo(DEPLOY_ID);
      assertThat(r.requestedBy()).isEqualTo("carol");
      assertThat(r.requestId()).isEqualTo("ci-42");
    });
    assertThat(rt.registry.reports()).isEmpty();

    RunbookStatus done = rt.status(DEPLOY_ID);
    assertThat(done.phase()).isEqualTo(Phase.DONE);
    assertThat(done.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.steps()).extracting(StepView::state).containsOnly(StepState.SUCCEEDED);
    assertThat(done.steps()).extracting(StepView::name).containsExactly(
        "Deploy v1.6.0 to green", "Smoke test green", "Canary 10% (watch 30m)", "Canary 50% (watch 1h)",
        "Full traffic 100% (watch 15m)", "Retire blue");
  }

  @Test
  void aVersionThatIsAlreadyLiveChangesNothing() {
    rt.startCodeDeploy("v1.5.0");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).contains("already live");
    assertThat(rt.platform.mutatingCalls()).isEmpty();
  }
}
