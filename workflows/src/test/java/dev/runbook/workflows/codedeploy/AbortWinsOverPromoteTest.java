package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.ScriptedWatch;
import dev.runbook.workflows.testing.WorkflowTaskHold;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A promote and an abort that reach the run in the same workflow task: abort wins whichever comes
 * first. The workflow task before them is held in flight while both are sent (see
 * {@link WorkflowTaskHold}), so the server must hand both to one task; each test checks that in the
 * history.
 */
@RunbookTest(CodeDeployWorkflowImpl.class)
class AbortWinsOverPromoteTest {
  private final RunbookTestEnvironment rt;

  AbortWinsOverPromoteTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void abortWinsOverAPromoteInTheSameTaskWhileAwaitingApproval() {
    rt.deliverTogether((name, args) -> name.equals(WorkflowTaskHold.AWAIT),
        () -> rt.startCodeDeploy("v1.6.0"),
        () -> {
          rt.promote(DEPLOY_ID, "alice");
          rt.abort(DEPLOY_ID, "bob", "abort wins");
        });
    RunbookResult result = rt.result(DEPLOY_ID);

    assertSignalsInOneTask();
    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(result.reason()).isEqualTo("aborted by bob: abort wins");
    assertThat(rt.platform.calls()).noneMatch(c -> c.toString().equals("shiftTraffic green 50"));
    assertThat(rt.platform.mutatingCalls()).endsWith("shiftTraffic blue 100", "retireSlot green");
    assertBackOnBlue();
    // the promote was accepted first, then the abort overruled it
    assertThat(rt.status(DEPLOY_ID).approvals()).extracting(ApprovalRecord::action, ApprovalRecord::approver,
        ApprovalRecord::accepted).containsExactly(tuple("promote", "alice", true), tuple("abort", "bob", true));
  }

  @Test
  void abortWinsOverAPromoteInTheSameTaskDuringAWatch() {
    ScriptedWatch.Block block = rt.watch.blockDuring("10%");
    rt.deliverTogether((name, args) -> name.equals("WatchRollout"),
        () -> rt.startCodeDeploy("v1.6.0"),
        () -> {
          rt.promote(DEPLOY_ID, "alice");
          rt.abort(DEPLOY_ID, "bob", "abort wins");
        });
    RunbookResult result = rt.result(DEPLOY_ID);

    assertSignalsInOneTask();
    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.platform.calls()).noneMatch(c -> c.toString().equals("shiftTraffic green 50"));
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.6.0", "smokeTest green",
        "shiftTraffic green 10", "shiftTraffic blue 100", "retireSlot green");
    assertBackOnBlue();
    block.release();
  }

  @Test
  void aPromoteInTheSameTaskAfterAnAbortIsRefused() {
    rt.deliverTogether((name, args) -> name.equals(WorkflowTaskHold.AWAIT),
        () -> rt.startCodeDeploy("v1.6.0"),
        () -> {
          rt.abort(DEPLOY_ID, "bob", "stop it");
          rt.promote(DEPLOY_ID, "alice");
        });
    RunbookResult result = rt.result(DEPLOY_ID);

    assertSignalsInOneTask();
    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.status(DEPLOY_ID).approvals()).extracting(ApprovalRecord::action, ApprovalRecord::accepted)
        .containsExactly(tuple("abort", true), tuple("promote", false));
    assertThat(rt.status(DEPLOY_ID).approvals().get(1).reason()).contains("being aborted by bob");
    assertThat(rt.registry.approvals()).extracting(ApprovalRecord::action, ApprovalRecord::accepted)
        .containsExactly(tuple("abort", true), tuple("promote", false));
    assertThat(rt.status(DEPLOY_ID).phase()).isEqualTo(Phase.DONE);
    assertBackOnBlue();
  }

  /** Both signals are in history before the workflow task that handled them started. */
  private void assertSignalsInOneTask() {
    List<HistoryEvent> events = rt.history(DEPLOY_ID).getEvents();
    List<Integer> signals = new java.util.ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) {
        signals.add(i);
      }
    }
    assertThat(signals).hasSize(2);
    assertThat(events.subList(signals.get(0), signals.get(1) + 1))
        .as("no workflow task starts between the two signals")
        .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
  }

  private void assertBackOnBlue() {
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
    assertThat(rt.platform.weight("blue")).isEqualTo(100);
    assertThat(rt.platform.slot("blue").version()).isEqualTo("v1.5.0");
    assertThat(rt.platform.weight("green")).isZero();
    assertThat(rt.platform.slot("green").role()).isEqualTo(SlotRole.RETIRED);
  }
}
