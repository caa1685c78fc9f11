package dev.runbook.workflows.emergency;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.EMERGENCY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.testing.FakeRunControl;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.ScriptedWatch;
import dev.runbook.workflows.testing.Series;
import org.junit.jupiter.api.Test;

/** Emergency fix: stop the running deploy first, skip the canary, 2h alerting watch, automatic rollback. */
@RunbookTest({EmergencyDeployWorkflowImpl.class, CodeDeployWorkflowImpl.class})
class EmergencyDeployTest {
  private static final String REASON = "Fix XP calculation bug";

  private final RunbookTestEnvironment rt;

  EmergencyDeployTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void goesStraightToFullTrafficAndWatchesTwoHours() {
    rt.startEmergency("v1.5.1", REASON);

    RunbookResult result = rt.result(EMERGENCY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).contains("emergency: " + REASON);
    assertThat(result.liveVersion()).isEqualTo("v1.5.1");
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.5.1", "smokeTest green",
        "shiftTraffic green 100", "markLive green", "retireSlot blue");
    assertThat(rt.activityTypes(EMERGENCY_ID)).as("the target is taken before anything moves")
        .containsSubsequence("CheckRelease", "Acquire", "DescribeService", "DeployRelease");
    assertThat(rt.watch.requests()).singleElement().satisfies(w -> {
      assertThat(w.windowSeconds()).isEqualTo(7200);
      assertThat(w.stepLabel()).isEqualTo("Full traffic 100% (alerting watch 2h)");
      assertThat(w.canaryColour()).isEqualTo("green");
      assertThat(w.stableColour()).isNull();
    });
    assertThat(rt.watch.windows()).singleElement().satisfies(w -> assertThat(w.samples()).isEqualTo(721));
    RunbookStatus status = rt.status(EMERGENCY_ID);
    assertThat(status.steps()).extracting(StepView::name, StepView::state).containsExactly(
        tuple("Stop any running deploy of learning-api in production", StepState.SUCCEEDED),
        tuple("Deploy v1.5.1 to green", StepState.SUCCEEDED),
        tuple("Smoke test green", StepState.SUCCEEDED),
        tuple("Full traffic 100% (alerting watch 2h)", StepState.SUCCEEDED),
        tuple("Retire blue", StepState.SUCCEEDED));
    assertThat(status.steps().get(0).detail()).isEqualTo("none was running");
    assertThat(status.reason()).isEqualTo(REASON);
    assertThat(rt.searchAttribute(EMERGENCY_ID, "RunbookProcedure")).isEqualTo("emergency-deploy");
    assertThat(rt.searchAttribute(EMERGENCY_ID, "RunbookOutcome")).isEqualTo("SUCCEEDED");
    assertThat(rt.registry.started()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(REASON));
  }

  @Test
  void aRealRunningCodeDeployIsAbortedAndRolledBackBeforeTheFixGoesOut() {
    rt.runControl.live(rt.client);
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    // alice is on call and an approver, so the running deploy accepts her abort
    io.temporal.client.WorkflowClient.start(
        rt.client.newWorkflowStub(EmergencyDeployWorkflow.class, rt.options(EMERGENCY_ID))::deploy,
        new dev.runbook.workflows.api.EmergencyDeployRequest("learning-api", "production", "v1.5.1", REASON, "alice", null));
    RunbookResult emergency = rt.result(EMERGENCY_ID);
    RunbookResult deploy = rt.result(DEPLOY_ID);

    assertThat(deploy.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(deploy.reason()).isEqualTo("aborted by alice: superseded by emergency deploy v1.5.1: " + REASON);
    assertThat(emergency.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(EMERGENCY_ID).steps().get(0).detail())
        .isEqualTo("aborted " + DEPLOY_ID + " (code-deploy) and waited for its rollback");
    assertThat(rt.runControl.calls()).containsExactly(new FakeRunControl.AbortCall(DEPLOY_ID, "alice",
        "superseded by emergency deploy v1.5.1: " + REASON));
    assertThat(rt.platform.mutatingCalls()).containsExactly(
        "deployRelease green v1.6.0", "smokeTest green", "shiftTraffic green 10",   // the code deploy
        "shiftTraffic blue 100", "retireSlot green",                                // its rollback
        "deployRelease green v1.5.1", "smokeTest green", "shiftTraffic green 100",  // the emergency fix
        "markLive green", "retireSlot blue");
    assertThat(rt.platform.liveVersion()).isEqualTo("v1.5.1");
  }

  @Test
  void withNoDeployRunningItJustGoesAhead() {
    rt.startEmergency("v1.5.1", REASON);

    assertThat(rt.result(EMERGENCY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.runControl.calls()).as("nothing held the target").isEmpty();
    assertThat(rt.status(EMERGENCY_ID).steps().get(0).detail()).isEqualTo("none was running");
  }

  @Test
  void aRuleDuringTheAlertingWatchRollsBackToBlue() {
    rt.watch.script("v1.5.1", MetricKind.ERROR_RATE_PERCENT, Series.stepUp(0.3, 300, 11.0));
    rt.startEmergency("v1.5.1", REASON);

    RunbookResult result = rt.result(EMERGENCY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains(Policies.ERROR_RATE);
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.5.1", "smokeTest green",
        "shiftTraffic green 100", "markLive green",
        "shiftTraffic blue 100", "markLive blue", "retireSlot green");
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
    assertThat(rt.platform.weight("blue")).isEqualTo(100);
    assertThat(rt.platform.slot("green").role()).isEqualTo(SlotRole.RETIRED);
    assertThat(rt.registry.onlyReport().fromVersion()).isEqualTo("v1.5.1");
    assertThat(rt.registry.onlyReport().toVersion()).isEqualTo("v1.5.0");
    // an hour into the 2h window: 300 samples of 10s, then 2m held
    assertThat(rt.watch.windows()).singleElement().satisfies(w -> assertThat(w.samples()).isEqualTo(313));
  }

  @Test
  void aPromoteEndsTheAlertingWatchEarly() {
    ScriptedWatch.Block block = rt.watch.blockDuring("alerting watch");
    rt.startEmergency("v1.5.1", REASON);
    block.awaitEntered();
    rt.awaitSettled(EMERGENCY_ID, "WatchRollout");

    rt.promote(EMERGENCY_ID, "alice");
    RunbookResult result = rt.result(EMERGENCY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(EMERGENCY_ID).steps().get(3).detail()).isEqualTo("watch ended by promotion");
    assertThat(rt.platform.slot("blue").role()).isEqualTo(SlotRole.RETIRED);
  }
}
