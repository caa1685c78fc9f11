package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.contract.MetricKind.LATENCY_P95_MS;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.Series;
import org.junit.jupiter.api.Test;

/**
 * The rolling strategy of a code deploy: four instances of the live colour in batches of two
 * (max unavailable 1 + max surge 1), each batch health-checked and watched; a rule or a failed
 * health check rolls back only the instances already replaced, newest first.
 */
@RunbookTest(CodeDeployWorkflowImpl.class)
class RollingDeployTest {
  private final RunbookTestEnvironment rt;

  RollingDeployTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    rt.policies.use(Policies.rolling(Policies.production(), 1, 1, 120));
  }

  @Test
  void replacesEveryInstanceBatchByBatchAndShowsTheBatches() {
    rt.startCodeDeploy("v1.5.1");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).isEqualTo("v1.5.1 on all 4 instances of blue (2 batches)");
    assertThat(rt.instances.versions()).containsOnly("v1.5.1");
    assertThat(rt.instances.calls()).containsExactly(
        "replace 0 v1.5.1", "replace 1 v1.5.1", "replace 2 v1.5.1", "replace 3 v1.5.1");
    assertThat(rt.platform.mutatingCalls()).as("no colour is deployed or shifted").isEmpty();
    assertThat(rt.status(DEPLOY_ID).steps()).extracting(StepView::name, StepView::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Batch 1/2: instances 0, 1 → v1.5.1 (watch 2m)", StepState.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple("Batch 2/2: instances 2, 3 → v1.5.1 (watch 2m)", StepState.SUCCEEDED));
    // the first batch is compared with the instances still on v1.5.0, on the same colour
    assertThat(rt.watch.requests().get(0)).satisfies(w -> {
      assertThat(w.canaryColour()).isEqualTo("blue");
      assertThat(w.canaryVersion()).isEqualTo("v1.5.1");
      assertThat(w.stableColour()).isEqualTo("blue");
      assertThat(w.stableVersion()).isEqualTo("v1.5.0");
      assertThat(w.rules()).extracting(r -> r.name()).contains(Policies.DEGRADATION);
    });
    assertThat(rt.watch.requests().get(1).stableColour()).as("no baseline once all run it").isNull();
  }

  @Test
  void aRuleOnTheSecondBatchRollsBackOnlyTheReplacedInstancesNewestFirst() {
    // batches of one; in the second, 1000 ms against the old instances' 600 ms: 67% slower, seed 004's degradation
    rt.watch.script("v1.6.0", LATENCY_P95_MS, Series.constant(600)).script("v1.5.0", LATENCY_P95_MS,
        Series.constant(600));
    rt.watch.scriptDuring("Batch 2/4", "v1.6.0", LATENCY_P95_MS, Series.constant(1000));
    rt.policies.use(Policies.rolling(Policies.production(), 1, 0, 120));
    rt.startCodeDeploy("v1.6.0");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains(Policies.DEGRADATION);
    assertThat(rt.instances.calls()).containsExactly("replace 0 v1.6.0", "replace 1 v1.6.0",
        "replace 1 v1.5.0", "replace 0 v1.5.0");
    assertThat(rt.instances.versions()).containsOnly("v1.5.0");
    assertThat(rt.status(DEPLOY_ID).steps()).extracting(StepView::state)
        .startsWith(StepState.SUCCEEDED, StepState.FAILED);
  }

  @Test
  void anInstanceFailingItsHealthCheckRollsBackItsBatch() {
    rt.instances.unhealthyVersions.add("v1.6.2");
    rt.startCodeDeploy("v1.6.2");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains("Batch 1/2").contains("503");
    assertThat(rt.instances.calls()).containsExactly("replace 0 v1.6.2", "replace 1 v1.6.2",
        "replace 1 v1.5.0", "replace 0 v1.5.0");
    assertThat(rt.watch.requests()).as("never watched: it failed its health check first").isEmpty();
  }
}
