package dev.runbook.workflows.schemamigration;

import static dev.runbook.workflows.schemamigration.SchemaMigrationRuns.ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.progressmigration.ProgressCensus;
import dev.runbook.workflows.rollback.RollbackWorkflowImpl;
import dev.runbook.workflows.testing.FakeProgressStore;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code release that goes with a schema: a child CodeDeploy while maintenance is on, and on a
 * restore after go-live a child Rollback to the release that was live before, ahead of the restore.
 */
@RunbookTest({SchemaMigrationWorkflowImpl.class, CodeDeployWorkflowImpl.class, RollbackWorkflowImpl.class})
class SchemaMigrationReleaseTest {
  private static final String DEPLOY = Procedure.CODE_DEPLOY.workflowId(RunbookTestEnvironment.SERVICE,
      RunbookTestEnvironment.ENV);
  private final RunbookTestEnvironment rt;

  SchemaMigrationReleaseTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    // one short step: the child's own rollout is CodeDeploy's tests' business
    rt.policies.use(Policies.withSteps(Policies.autoGates(Policies.production()),
        List.of(new RolloutStep(100, 60, false))));
  }

  private void start() {
    SchemaMigrationRuns.start(rt, new SchemaMigrationRequest(RunbookTestEnvironment.ENV, "1.1",
        RunbookTestEnvironment.SERVICE, "v1.6.0", null, true, RunbookTestEnvironment.REQUESTER, "ops-9"));
  }

  @Test
  void theReleaseGoesLiveAsAChildRunWhileMaintenanceIsOn() {
    start();
    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).contains("at 1.1 with learning-api v1.6.0");
    assertThat(rt.result(DEPLOY).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.platform.liveVersion()).isEqualTo("v1.6.0");
    assertThat(rt.schema.events()).containsSubsequence("maintenance on", "migrate 1.1 (maintenance on)",
        "verify 1.1", "maintenance off");
    assertThat(rt.status(ID).children()).extracting(c -> c.workflowId()).containsExactly(DEPLOY);
    assertThat(rt.schema.maintenanceMessage()).isEqualTo(SchemaMigrationRequest.defaultMessage("1.1"));
  }

  @Test
  void aRestoreAfterGoLiveBringsThePreviousReleaseBackBeforeTheSnapshot() {
    ProgressCensus at = FakeProgressStore.AFTER;
    // censuses: before the migration, after it, then the watch's first poll finds a document gone
    rt.progress.fromCount(3, new ProgressCensus(at.documents() - 1, at.totalXp(), at.completions(), 0));
    start();
    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains("progress documents went down");
    assertThat(rt.platform.liveVersion()).isEqualTo("v1.5.0");
    assertThat(rt.result(Procedure.ROLLBACK.workflowId(RunbookTestEnvironment.SERVICE, RunbookTestEnvironment.ENV))
        .outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(ID).log()).extracting(l -> l.message()).containsSubsequence(
        "undone: maintenance on for the restore", "learning-api back on v1.5.0", "undone: child " + DEPLOY,
        "undone: restore the snapshot and re-apply learner writes", "undone: maintenance off");
    assertThat(rt.schema.maintenanceOn()).isFalse();
  }
}
