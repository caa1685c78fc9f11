package dev.runbook.workflows.history;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.EMERGENCY_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl;
import dev.runbook.workflows.emergency.EmergencyDeployWorkflowImpl;
import dev.runbook.workflows.testing.RunbookTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long window is ONE heartbeating activity: 4 hours at 10s sampling is 1,441 reads and as many
 * heartbeats, and the history stays a few dozen events (Temporal warns at 10,240 events; we keep
 * the budget at 4,096 so a looping watch in workflow code would fail here).
 */
@RunbookTest({CodeDeployWorkflowImpl.class, EmergencyDeployWorkflowImpl.class})
class HistorySizeTest {
  private static final int BUDGET = 4_096;

  private final RunbookTestEnvironment rt;

  HistorySizeTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void anEmergencyDeployWithAFourHourWatchKeepsASmallHistory() {
    rt.policies.use(Policies.withEmergencyWatch(Policies.production(), 4 * 3600));
    rt.startEmergency("v1.5.1", "four hour watch");

    assertThat(rt.result(EMERGENCY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);

    assertThat(rt.watch.windows()).singleElement().satisfies(w -> assertThat(w.samples()).isEqualTo(1_441));
    int events = rt.history(EMERGENCY_ID).getEvents().size();
    System.out.println("EmergencyDeploy, one 4h watch at 10s (1,441 samples): " + events + " history events");
    assertThat(events).isLessThan(BUDGET).isLessThan(150);
  }

  @Test
  void aCodeDeployWhoseSingleWatchIsFourHoursKeepsASmallHistory() {
    rt.policies.use(Policies.withSteps(Policies.autoGates(Policies.production()),
        List.of(new RolloutStep(100, 4 * 3600, false))));
    rt.startCodeDeploy("v1.6.0");

    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);

    assertThat(rt.watch.windows()).singleElement().satisfies(w -> assertThat(w.samples()).isEqualTo(1_441));
    int events = rt.history(DEPLOY_ID).getEvents().size();
    System.out.println("CodeDeploy, one 4h watch at 10s (1,441 samples): " + events + " history events");
    assertThat(events).isLessThan(BUDGET).isLessThan(150);
  }
}
