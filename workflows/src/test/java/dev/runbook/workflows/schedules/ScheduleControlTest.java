package dev.runbook.workflows.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.TaskQueues;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which path runs the schedules is asked of the server: the test server has no Schedules API. */
class ScheduleControlTest {
  private final SchedulerRig rig = new SchedulerRig();
  private final ScheduleControl control = new ScheduleControl(rig.client, ScheduleClient.newInstance(
      rig.env.getWorkflowServiceStubs(), ScheduleClientOptions.newBuilder()
          .setNamespace(rig.client.getOptions().getNamespace()).build()), TaskQueues.RUNBOOK);

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void onTheTestServerTheFallbackWorkflowRunsEachScheduleOnceAndTheCliVerbsReachIt() {
    ScheduledJob daily = ScheduledJobs.defaults().get(0);
    assertThat(control.mode()).isEqualTo(ScheduleControl.FALLBACK);
    assertThat(control.describe(daily)).as("not created yet").isNull();

    assertThat(control.ensure(daily)).isEqualTo("started fallback scheduler workflow scheduler:daily-health-check");
    assertThat(control.ensure(daily)).as("a worker restart on a server that kept it")
        .isEqualTo("fallback scheduler workflow scheduler:daily-health-check already running (kept as it is)");

    control.pause(daily, "alice", "maintenance");
    SchedulerWorkflow s = rig.client.newWorkflowStub(SchedulerWorkflow.class, daily.schedulerWorkflowId());
    assertThat(rig.await(s, "paused", ScheduleView::paused).note()).isEqualTo("paused by alice: maintenance");
    control.unpause(daily, "alice", null);
    rig.await(s, "unpaused", v -> !v.paused());
    control.trigger(daily, "bob");
    rig.sleep(Duration.ofMinutes(2));
    ScheduleView v = rig.await(s, "triggered run done", x -> x.fired() == 1 && x.running() == null);
    assertThat(v.recent()).extracting(FireRecord::how).containsExactly("trigger by bob");
    assertThat(control.describe(daily).mode()).isEqualTo(ScheduleControl.FALLBACK);
  }
}
