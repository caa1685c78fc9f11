package dev.runbook.workflows.progressmigration;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.PROGRESS_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.ProgressMigrationRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.testing.FakeProgressStore;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The progress migration as a run: census, one resumable pass, census again; a status tree like
 * every procedure's, refusals before anything changes, a worker death mid-pass resumed from the
 * heartbeat checkpoint, and a check that fails the run when anything went down.
 */
@RunbookTest(ProgressMigrationWorkflowImpl.class)
class ProgressMigrationWorkflowTest {
  private final RunbookTestEnvironment rt;

  ProgressMigrationWorkflowTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }

  @Test
  void migratesInOnePassAndChecksThatNothingWentDown() {
    rt.startProgressMigration(null);
    RunbookResult result = rt.result(PROGRESS_ID);

    assertThat(PROGRESS_ID).isEqualTo("progress:user_progress:production");
    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).contains("12003 documents on schema 1.0", "7000 migrated", "in 3 batch(es)",
        "XP 480000 → 480150, nothing lost");
    assertThat(rt.progress.calls()).containsExactly("plan production", "migrate production batch 5000", "count production");
    assertThat(rt.progress.lastTask().orElseThrow().runKey()).startsWith(PROGRESS_ID + "/");
    RunbookStatus status = rt.status(PROGRESS_ID);
    assertThat(status.steps()).extracting(StepView::name).containsExactly("Count documents, XP and completions",
        "Migrate documents to schema 1.0 in batches of 5000", "Check counts and XP");
    assertThat(status.steps()).extracting(StepView::state).containsOnly(StepState.SUCCEEDED);
    assertThat(status.steps().get(0).detail()).isEqualTo(FakeProgressStore.BEFORE.toString());
    assertThat(rt.searchAttribute(PROGRESS_ID, "RunbookProcedure")).isEqualTo("progress-migration");
    assertThat(rt.searchAttribute(PROGRESS_ID, "RunbookService")).isEqualTo("user_progress");
    assertThat(rt.searchAttribute(PROGRESS_ID, "RunbookVersion")).isEqualTo("1.0");
    assertThat(rt.searchAttribute(PROGRESS_ID, "RunbookOutcome")).isEqualTo("SUCCEEDED");
    assertThat(rt.locks.holders()).as("the table's lock is released at the end").isEmpty();
  }

  @Test
  void aWorkerThatDiesMidPassIsResumedFromItsHeartbeatCheckpoint() {
    rt.progress.dieOnceAfterBatch(2);
    rt.startProgressMigration(1000);
    RunbookResult result = rt.result(PROGRESS_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.progress.resumedFrom()).containsExactly(0, 2);
    assertThat(rt.progress.tasks()).extracting(ProgressMigrationTask::runKey).as("one run, one ledger key").hasSize(2)
        .containsOnly(rt.progress.tasks().get(0).runKey());
    assertThat(result.reason()).contains("resumed after batch 2");
  }

  @Test
  void anUnknownEnvironmentOrOneWithoutAProgressStoreIsRefusedBeforeAnythingChanges() {
    rt.progress.refusePlan("environment 'production' has no progress store", "NoProgressStore");
    rt.startProgressMigration(null);

    assertThatThrownBy(() -> rt.untyped(PROGRESS_ID).getResult(30, TimeUnit.SECONDS, RunbookResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("NoProgressStore");
        });
    assertThat(rt.progress.calls()).containsExactly("plan production");
    assertThat(rt.status(PROGRESS_ID).outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void aBadBatchSizeIsRefusedWithoutTouchingTheStore() {
    var stub = rt.client.newWorkflowStub(ProgressMigrationWorkflow.class, rt.options(PROGRESS_ID));
    WorkflowClient.start(stub::migrate, new ProgressMigrationRequest("production", 0, "carol", null));

    assertThatThrownBy(() -> rt.untyped(PROGRESS_ID).getResult(30, TimeUnit.SECONDS, RunbookResult.class))
        .rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("batchSize 0 must be between 1 and 50000");
        });
    assertThat(rt.progress.calls()).isEmpty();
  }

  @Test
  void anUnreadableDocumentFailsTheRunWithoutRetriesAndSaysWhich() {
    rt.progress.failMigration("user learner-000042: progress schema_version '7.0' is unknown",
        ProgressMigrationWorkflowImpl.DOCUMENT_UNREADABLE);
    rt.startProgressMigration(null);

    assertThat(rt.result(PROGRESS_ID).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(rt.progress.calls()).containsExactly("plan production", "migrate production batch 5000");
    assertThat(rt.status(PROGRESS_ID).steps().get(1).state()).isEqualTo(StepState.FAILED);
    assertThat(rt.result(PROGRESS_ID).reason()).contains("learner-000042");
  }

  @Test
  void xpThatWentDownFailsTheCheckAndPages() {
    rt.progress.after(new ProgressCensus(12_000, 479_990, 9_000, 0));
    rt.startProgressMigration(null);

    RunbookResult result = rt.result(PROGRESS_ID);
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).contains("total XP went down from 480000 to 479990");
    assertThat(rt.notifier.ofSeverity(Severity.PAGE)).anySatisfy(n -> assertThat(n.title())
        .contains("progress migration of production needs a person"));
  }
}
