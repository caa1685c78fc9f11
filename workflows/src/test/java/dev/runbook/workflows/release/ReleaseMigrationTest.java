package dev.runbook.workflows.release;

import static dev.runbook.workflows.testing.ReleaseRuns.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.ChildRunView;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.ReleaseRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl;
import dev.runbook.workflows.contract.LowTrafficWindow;
import dev.runbook.workflows.contract.SchemaMigrationPolicy;
import dev.runbook.workflows.rollback.RollbackWorkflowImpl;
import dev.runbook.workflows.schemamigration.SchemaMigrationWorkflowImpl;
import dev.runbook.workflows.testing.FakePlatform;
import dev.runbook.workflows.testing.FakeSchemaTarget;
import dev.runbook.workflows.testing.ReleaseRuns;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import org.junit.jupiter.api.Test;

/** A release that names a schema migration runs it as the SchemaMigration procedure's child, before its code. */
@RunbookTest({ReleaseWorkflowImpl.class, CodeDeployWorkflowImpl.class, RollbackWorkflowImpl.class,
    SchemaMigrationWorkflowImpl.class})
class ReleaseMigrationTest {
  private final RunbookTestEnvironment rt;
  private final ReleaseRuns runs;

  ReleaseMigrationTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    this.runs = new ReleaseRuns(rt);
    SchemaMigrationPolicy p = FakeSchemaTarget.policy(false, LowTrafficWindow.DEFAULT, 60);
    rt.schema.use(new SchemaMigrationPolicy(ReleaseRuns.renamed(p.environment(), "dev"), p.database(), p.schemas(),
        p.window(), p.lockTimeoutSeconds(), p.migrateAttempts(), p.watchSeconds(), p.validationQueries(),
        p.nowOnRequest()));
  }

  @Test
  void theMigrationRunsAsAChildBeforeTheCodeDeployAndThePreparationBacksUpTheDatabase() {
    String id = runs.start(new ReleaseRequest(FakePlatform.SERVICE, VERSION, "dev", null, "1.1", null,
        RunbookTestEnvironment.REQUESTER, "ci-9"));

    RunbookResult result = rt.result(id);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(id).children()).extracting(ChildRunView::workflowId)
        .containsExactly("schema:platform:dev", "deploy:learning-api:dev");
    assertThat(rt.status(id).children()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.SUCCEEDED));
    assertThat(rt.schema.events()).as("the migration ran for dev, without waiting for a window")
        .anyMatch(e -> e.startsWith("migrate")).noneMatch(e -> e.endsWith("FAILED"));
    assertThat(rt.schema.maintenanceOn()).isFalse();
    assertThat(runs.dev.liveVersion()).isEqualTo(VERSION);
  }
}
