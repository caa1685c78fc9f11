package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.testing.FakePlatform;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.ScriptedWatch;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Promote, promote --full and abort in every state of a code deploy. */
class CodeDeployControlTest {
  private final RunbookTestEnvironment rt = new RunbookTestEnvironment();

  @AfterEach
  void close() {
    rt.close();
  }

  // ---- promote ---------------------------------------------------------------------------------

  @Test
  void promoteDuringAWatchEndsTheWindowAndPassesTheGate() {
    ScriptedWatch.Block block = rt.watch.blockDuring("10%");
    rt.startCodeDeploy("v1.6.0");
    block.awaitEntered();
    rt.awaitSettled(DEPLOY_ID, "WatchRollout");
    assertThat(rt.status(DEPLOY_ID).phase()).isEqualTo(Phase.WATCHING);

    rt.promote(DEPLOY_ID, "alice");

    rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");
    rt.promote(DEPLOY_ID, "bob");
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.6.0", "smokeTest green",
        "shiftTraffic green 10", "shiftTraffic green 50", "shiftTraffic green 100", "markLive green", "retireSlot blue");
    RunbookStatus status = rt.status(DEPLOY_ID);
    assertThat(status.steps().get(2).detail()).isEqualTo("promoted by alice");
    assertThat(status.log()).extracting(l -> l.message()).anyMatch(m -> m.contains("ended early by promotion"));
    assertThat(rt.registry.approvals()).extracting(ApprovalRecord::approver, ApprovalRecord::step)
        .containsExactly(tuple("alice", 3), tuple("bob", 4));
  }

  @Test
  void promoteFullSkipsTheRemainingCanaryStepsAndStillEndsAtFullTraffic() {
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    rt.promoteFull(DEPLOY_ID, "bob");
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.liveVersion()).isEqualTo("v1.6.0");
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.6.0", "smokeTest green",
        "shiftTraffic green 10", "shiftTraffic green 100", "markLive green", "retireSlot blue");
    assertThat(rt.platform.weight("green")).isEqualTo(100);
    assertThat(rt.watch.requests()).extracting(r -> r.stepLabel())
        .containsExactly("Canary 10% (watch 30m)", "Full traffic 100% (watch 15m)");
    assertThat(rt.status(DEPLOY_ID).steps()).extracting(StepView::name, StepView::state).contains(
        tuple("Canary 50% (watch 1h)", StepState.SKIPPED), tuple("Full traffic 100% (watch 15m)", StepState.SUCCEEDED));
    assertThat(rt.registry.approvals()).singleElement()
        .satisfies(a -> assertThat(a.action()).isEqualTo("promote --full"));
  }

  // ---- abort in every state --------------------------------------------------------------------

  @Test
  void abortDuringDeployWaitsForTheDeployThenRetiresGreen() {
    FakePlatform.Hold deploy = rt.platform.hold("deployRelease");
    rt.startCodeDeploy("v1.6.0");
    deploy.awaitEntered();
    rt.awaitSettled(DEPLOY_ID, "DeployRelease");

    rt.abort(DEPLOY_ID, "alice", "wrong build");
    rt.awaitStatus(DEPLOY_ID, "abort recorded", s -> s.approvals().stream().anyMatch(a -> a.action().equals("abort")));
    deploy.release();
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(result.reason()).contains("alice").contains("wrong build");
    // the retire must not race the deploy it undoes: green ends empty, not running v1.6.0
    assertThat(rt.platform.timeline()).containsSubsequence(
        "end deployRelease green v1.6.0", "begin retireSlot green", "end retireSlot green");
    assertThat(rt.platform.slot("green").version()).isNull();
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.6.0", "retireSlot green");
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
    assertThat(rt.searchAttribute(DEPLOY_ID, "RunbookOutcome")).isEqualTo("ABORTED");
    assertThat(rt.registry.approvals()).singleElement().satisfies(a -> {
      assertThat(a.action()).isEqualTo("abort");
      assertThat(a.approver()).isEqualTo("alice");
    });
  }

  @Test
  void abortDuringSmokeTestRetiresGreenWithoutShiftingTraffic() {
    FakePlatform.Hold smoke = rt.platform.hold("smokeTest");
    rt.startCodeDeploy("v1.6.0");
    smoke.awaitEntered();
    rt.awaitSettled(DEPLOY_ID, "SmokeTest");

    rt.abort(DEPLOY_ID, "bob", "stop");
    rt.awaitStatus(DEPLOY_ID, "abort recorded", s -> s.approvals().stream().anyMatch(a -> a.action().equals("abort")));
    smoke.release();
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.platform.calls()).noneMatch(c -> c.op().equals("shiftTraffic") && c.colour().equals("green"));
    assertThat(rt.platform.slot("green").role()).isEqualTo(SlotRole.RETIRED);
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
  }

  @Test
  void abortDuringAWatchRunsTheCompensationsInReverse() {
    ScriptedWatch.Block block = rt.watch.blockDuring("10%");
    rt.startCodeDeploy("v1.6.0");
    block.awaitEntered();
    rt.awaitSettled(DEPLOY_ID, "WatchRollout");

    rt.abort(DEPLOY_ID, "carol", "customer escalation");
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(result.reason()).isEqualTo("aborted by carol: customer escalation");
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.6.0", "smokeTest green",
        "shiftTraffic green 10", "shiftTraffic blue 100", "retireSlot green");
    assertBackOnBlue();
    RunbookStatus status = rt.status(DEPLOY_ID);
    assertThat(status.steps()).extracting(StepView::name, StepView::state).contains(
        tuple("Canary 10% (watch 30m)", StepState.FAILED), tuple("Roll back (abort)", StepState.ROLLED_BACK));
    assertThat(status.log()).extracting(l -> l.message())
        .containsSubsequence("undone: all traffic back to blue", "undone: retire green");
  }

  @Test
  void abortWhileAwaitingApprovalRollsBack() {
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    rt.abort(DEPLOY_ID, "bob", "metrics look odd");
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.6.0", "smokeTest green",
        "shiftTraffic green 10", "shiftTraffic blue 100", "retireSlot green");
    assertBackOnBlue();
  }

  @Test
  void abortWhileAwaitingApprovalWinsEvenWithTheRollbackTimeoutPolicy() {
    rt.policies.use(Policies.rollbackOnApprovalTimeout(
        Policies.production()));
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    rt.abort(DEPLOY_ID, "bob", "metrics look odd");
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(result.reason()).contains("metrics look odd");
    assertBackOnBlue();
  }

  @Test
  void abortDuringTheRetireDelayPutsBlueBackLive() {
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
    rt.promote(DEPLOY_ID, "alice");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");
    rt.promote(DEPLOY_ID, "bob");
    rt.awaitPhase(DEPLOY_ID, Phase.RETIRING_OLD);
    rt.awaitSettled(DEPLOY_ID);
    rt.sleep(Duration.ofMinutes(5));

    rt.abort(DEPLOY_ID, "alice", "support tickets piling up");
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.6.0", "smokeTest green",
        "shiftTraffic green 10", "shiftTraffic green 50", "shiftTraffic green 100", "markLive green",
        "shiftTraffic blue 100", "markLive blue", "retireSlot green");
    assertBackOnBlue();
    assertThat(result.liveColour()).isEqualTo("blue");
  }

  @Test
  void abortWhileTheApprovalRequestIsBeingSentStillAborts() {
    rt.policies.use(Policies.rollbackOnApprovalTimeout(
        Policies.production()));
    FakePlatform.Hold notification = rt.notifier.hold("waits for approval");
    rt.startCodeDeploy("v1.6.0");
    notification.awaitEntered();
    rt.awaitSettled(DEPLOY_ID, "Notify");

    rt.abort(DEPLOY_ID, "bob", "not today");
    rt.awaitStatus(DEPLOY_ID, "abort recorded", s -> s.approvals().stream().anyMatch(a -> a.action().equals("abort")));
    notification.release();
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(result.reason()).isEqualTo("aborted by bob: not today");
    assertBackOnBlue();
  }

  @Test
  void anAbortAfterThePointOfNoReturnIsRefusedAndTheRunSucceeds() {
    rt.policies.use(Policies.autoGates(Policies.production()));
    FakePlatform.Hold retire = rt.platform.hold("retireSlot");
    rt.startCodeDeploy("v1.6.0");
    rt.awaitPhase(DEPLOY_ID, Phase.RETIRING_OLD);
    rt.awaitSettled(DEPLOY_ID);
    rt.sleep(Duration.ofMinutes(10)); // the standby delay
    retire.awaitEntered();
    rt.awaitSettled(DEPLOY_ID, "RetireSlot");

    Throwable byUpdate = catchThrowable(() ->
        rt.control(DEPLOY_ID).abortUpdate(new AbortRequest("bob", "too late?", null)));
    rt.abort(DEPLOY_ID, "alice", "too late?");
    rt.awaitStatus(DEPLOY_ID, "abort refusal recorded", s -> !s.approvals().isEmpty());
    retire.release();
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(byUpdate).isInstanceOf(WorkflowUpdateException.class);
    assertThat(rootMessage(byUpdate)).contains("blue is being retired").contains("start a rollback");
    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(DEPLOY_ID).approvals()).singleElement().satisfies(a -> {
      assertThat(a.action()).isEqualTo("abort");
      assertThat(a.accepted()).isFalse();
      assertThat(a.reason()).contains("blue is being retired");
    });
    assertThat(rt.platform.liveColour()).isEqualTo("green");
    assertThat(rt.platform.slot("blue").role()).isEqualTo(SlotRole.RETIRED);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private void assertBackOnBlue() {
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
    assertThat(rt.platform.weight("blue")).isEqualTo(100);
    assertThat(rt.platform.slot("blue").version()).isEqualTo("v1.5.0");
    assertThat(rt.platform.weight("green")).isZero();
    assertThat(rt.platform.slot("green").role()).isEqualTo(SlotRole.RETIRED);
  }
}
