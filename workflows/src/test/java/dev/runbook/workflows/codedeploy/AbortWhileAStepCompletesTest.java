package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.testing.FakePlatform;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.WorkflowTaskHold;
import io.temporal.api.enums.v1.EventType;
import org.junit.jupiter.api.Test;

/**
 * An abort whose workflow task is in flight while the step it would cancel completes. The Java
 * test server (the embedded default) rejects a cancel of an activity that completed meanwhile
 * (ACTIVITY_UNKNOWN), so a run that asked for it stayed stuck, lock held, for good. Short steps are
 * therefore never cancelled: an abort waits for the step in flight, then the run rolls back.
 */
@RunbookTest(CodeDeployWorkflowImpl.class)
class AbortWhileAStepCompletesTest {
  private final RunbookTestEnvironment rt;

  AbortWhileAStepCompletesTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }

  @Test
  void anAbortRacingTheCompletionOfADeployRollsBack() {
    FakePlatform.Hold deploy = rt.platform.hold("deployRelease");
    rt.startCodeDeploy("v1.6.0");
    deploy.awaitEntered();

    rt.taskHold.arm((name, args) -> name.equals(WorkflowTaskHold.SIGNAL + "abort"));
    rt.untyped(DEPLOY_ID).signal("abort", new AbortRequest("bob", "stop", null));
    rt.taskHold.awaitHeld();
    // the deploy completes while the workflow task that handles the abort is in flight
    deploy.release();
    awaitDeployReturned();
    rt.taskHold.release();

    RunbookResult result = rt.result(DEPLOY_ID);
    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
    assertThat(rt.platform.weight("blue")).isEqualTo(100);
    assertThat(rt.platform.mutatingCalls()).first().isEqualTo("deployRelease green v1.6.0");
    assertThat(rt.platform.mutatingCalls()).last().isEqualTo("retireSlot green");
    assertThat(rt.events(DEPLOY_ID, EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED))
        .as("the step in flight was let finish, not cancelled").isEmpty();
  }

  /**
   * The deploy's completion is buffered by the server while the task is in flight, so it cannot be
   * seen in history yet: wait until the fake returned, then for its completion to travel.
   */
  private void awaitDeployReturned() {
    long giveUpAt = System.nanoTime() + 10_000_000_000L;
    while (rt.platform.timeline().stream().noneMatch(t -> t.startsWith("end deployRelease"))) {
      if (System.nanoTime() > giveUpAt) {
        throw new AssertionError("the held deploy never returned: " + rt.platform.timeline());
      }
      RunbookTestEnvironment.sleepQuietly(10);
    }
    RunbookTestEnvironment.sleepQuietly(300);
  }
}
