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
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.ScriptedWatch;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Promote, promote --full and abort in every state of a code deploy. */
@RunbookTest(CodeDeployWorkflowImpl.class)
class CodeDeployControlTest {
  private final RunbookTestEnvironment rt;

  CodeDeployControlTest(RunbookTestEnvironment rt) {
    this.rt = rt;
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

  private static final List<String> UP_TO_CANARY = List.of("deployRelease green v1.6.0", "smokeTest green",
      "shiftTraffic green 10");

  /** A state a code deploy can be aborted in: how to get there, and what the platform saw in the end. */
  enum AbortState {
    DEPLOYING(List.of("deployRelease green v1.6.0", "retireSlot green")) {
      @Override
      Runnable reach(RunbookTestEnvironment rt) {
        FakePlatform.Hold deploy = rt.platform.hold("deployRelease");
        rt.startCodeDeploy("v1.6.0");
        deploy.awaitEntered();
        rt.awaitSettled(DEPLOY_ID, "DeployRelease");
        return deploy::release; // the retire must not race the deploy it undoes
      }
    },
    /**
     * The smoke test in flight finishes; the next step (first shift) registers "all traffic back to
     * blue" before its cancelled call, so that idempotent undo runs too. Green never gets traffic.
     */
    SMOKE_TESTING(List.of("deployRelease green v1.6.0", "smokeTest green", "shiftTraffic blue 100", "retireSlot green")) {
      @Override
      Runnable reach(RunbookTestEnvironment rt) {
        FakePlatform.Hold smoke = rt.platform.hold("smokeTest");
        rt.startCodeDeploy("v1.6.0");
        smoke.awaitEntered();
        rt.awaitSettled(DEPLOY_ID, "SmokeTest");
        return smoke::release;
      }
    },
    WATCHING(concat(UP_TO_CANARY, "shiftTraffic blue 100", "retireSlot green")) {
      @Override
      Runnable reach(RunbookTestEnvironment rt) {
        ScriptedWatch.Block block = rt.watch.blockDuring("10%");
        rt.startCodeDeploy("v1.6.0");
        block.awaitEntered();
        rt.awaitSettled(DEPLOY_ID, "WatchRollout");
        return null;
      }
    },
    AWAITING_APPROVAL(concat(UP_TO_CANARY, "shiftTraffic blue 100", "retireSlot green")) {
      @Override
      Runnable reach(RunbookTestEnvironment rt) {
        rt.startCodeDeploy("v1.6.0");
        rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
        return null;
      }
    },
    /** An abort wins even where the timeout policy would roll back by itself. */
    AWAITING_APPROVAL_WITH_ROLLBACK_TIMEOUT(concat(UP_TO_CANARY, "shiftTraffic blue 100", "retireSlot green")) {
      @Override
      Runnable reach(RunbookTestEnvironment rt) {
        rt.policies.use(Policies.rollbackOnApprovalTimeout(Policies.production()));
        return AWAITING_APPROVAL.reach(rt);
      }
    },
    SENDING_THE_APPROVAL_REQUEST(concat(UP_TO_CANARY, "shiftTraffic blue 100", "retireSlot green")) {
      @Override
      Runnable reach(RunbookTestEnvironment rt) {
        rt.policies.use(Policies.rollbackOnApprovalTimeout(Policies.production()));
        FakePlatform.Hold notification = rt.notifier.hold("waits for approval");
        rt.startCodeDeploy("v1.6.0");
        notification.awaitEntered();
        rt.awaitSettled(DEPLOY_ID, "Notify");
        return notification::release;
      }
    },
    /** Blue is still up as standby: it is made live again. */
    RETIRE_DELAY(concat(List.of("deployRelease green v1.6.0", "smokeTest green", "shiftTraffic green 10",
        "shiftTraffic green 50", "shiftTraffic green 100", "markLive green"),
        "shiftTraffic blue 100", "markLive blue", "retireSlot green")) {
      @Override
      Runnable reach(RunbookTestEnvironment rt) {
        rt.startCodeDeploy("v1.6.0");
        rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
        rt.promote(DEPLOY_ID, "alice");
        rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");
        rt.promote(DEPLOY_ID, "bob");
        rt.awaitPhase(DEPLOY_ID, Phase.RETIRING_OLD);
        rt.awaitSettled(DEPLOY_ID);
        rt.sleep(Duration.ofMinutes(5));
        return null;
      }
    };

    final List<String> platformCalls;

    AbortState(List<String> platformCalls) {
      this.platformCalls = platformCalls;
    }

    /** Brings a run into this state; returns what lets a held step finish, or null. */
    abstract Runnable reach(RunbookTestEnvironment rt);

    private static List<String> concat(List<String> head, String... tail) {
      List<String> all = new ArrayList<>(head);
      all.addAll(List.of(tail));
      return all;
    }
  }

  @ParameterizedTest(name = "abort while {0}")
  @EnumSource(AbortState.class)
  void anAbortInEveryStateUndoesEverythingAndPutsBlueBackLive(AbortState state) {
    Runnable release = state.reach(rt);

    rt.abort(DEPLOY_ID, "bob", "metrics look odd");
    if (release != null) {
      rt.awaitStatus(DEPLOY_ID, "abort recorded", s -> s.approvals().stream().anyMatch(a -> a.action().equals("abort")));
      release.run();
    }
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(result.reason()).isEqualTo("aborted by bob: metrics look odd");
    assertThat(result.liveColour()).isEqualTo("blue");
    assertThat(rt.platform.mutatingCalls()).containsExactlyElementsOf(state.platformCalls);
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
    assertThat(rt.platform.weight("green")).isZero();
    assertThat(rt.platform.slot("green").role()).isEqualTo(SlotRole.RETIRED);
    assertThat(rt.platform.slot("green").version()).isNull();
    assertThat(rt.platform.slot("blue").version()).isEqualTo("v1.5.0");
    assertThat(rt.searchAttribute(DEPLOY_ID, "RunbookOutcome")).isEqualTo("ABORTED");
    assertThat(rt.registry.approvals()).filteredOn(a -> a.action().equals("abort")).singleElement()
        .satisfies(a -> assertThat(a.approver()).isEqualTo("bob"));
    RunbookStatus status = rt.status(DEPLOY_ID);
    assertThat(status.steps()).extracting(StepView::name, StepView::state)
        .contains(tuple("Roll back (abort)", StepState.ROLLED_BACK));
  }

  @Test
  void anAbortDuringTheDeployWaitsForItBeforeRetiringGreen() {
    Runnable release = AbortState.DEPLOYING.reach(rt);
    rt.abort(DEPLOY_ID, "alice", "wrong build");
    rt.awaitStatus(DEPLOY_ID, "abort recorded", s -> s.approvals().stream().anyMatch(a -> a.action().equals("abort")));
    release.run();
    rt.result(DEPLOY_ID);

    assertThat(rt.platform.timeline()).containsSubsequence(
        "end deployRelease green v1.6.0", "begin retireSlot green", "end retireSlot green");
  }

  @Test
  void anAbortDuringAWatchFailsThatStepAndUndoesInReverse() {
    AbortState.WATCHING.reach(rt);
    rt.abort(DEPLOY_ID, "carol", "customer escalation");
    rt.result(DEPLOY_ID);

    RunbookStatus status = rt.status(DEPLOY_ID);
    assertThat(status.steps()).extracting(StepView::name, StepView::state)
        .contains(tuple("Canary 10% (watch 30m)", StepState.FAILED));
    assertThat(status.log()).extracting(l -> l.message())
        .containsSubsequence("undone: all traffic back to blue", "undone: retire green");
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
}
