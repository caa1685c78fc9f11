package dev.runbook.workflows.schemamigration;

import static dev.runbook.workflows.schemamigration.SchemaMigrationRuns.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.contract.LowTrafficWindow;
import dev.runbook.workflows.contract.SchemaMigrationPolicy;
import dev.runbook.workflows.progressmigration.ProgressCensus;
import dev.runbook.workflows.testing.FakeProgressStore;
import dev.runbook.workflows.testing.FakeSchemaTarget;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema migration as a run on fakes of the database, the capture and the maintenance switch
 * (their real counterparts are tested against Postgres in the activities module): the order of what
 * happens to the database, refusals before anything changes, the window, and the restore that keeps
 * learners' writes, with maintenance off in every ending.
 */
@RunbookTest(SchemaMigrationWorkflowImpl.class)
class SchemaMigrationWorkflowTest {
  static final List<String> BEFORE_CHANGE = List.of("policy production", "check 1.1", "capture on", "snapshot",
      "rehearse 1.1 on a copy");
  private final RunbookTestEnvironment rt;

  SchemaMigrationWorkflowTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }

  @Test
  void migratesUnderMaintenanceVerifiesWatchesAndShowsEveryPhase() {
    SchemaMigrationRuns.start(rt, true);
    RunbookResult result = rt.result(ID);

    assertThat(ID).isEqualTo("schema:platform:production");
    assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).startsWith("[platform] of production at 1.1; learner progress ");
    assertThat(rt.schema.events()).containsExactly("policy production", "check 1.1", "capture on", "snapshot",
        "rehearse 1.1 on a copy", "maintenance on", "migrate 1.1 (maintenance on)", "verify 1.1", "maintenance off",
        "capture off");
    assertThat(rt.schema.maintenanceMessage()).isEqualTo("Back in 10 minutes");
    RunbookStatus status = rt.status(ID);
    assertThat(status.steps()).extracting(StepView::name).containsExactly(
        "Check 1.1 against the applied migrations", "Capture learner writes", "Snapshot [platform]",
        "Rehearse on a copy", "Wait for the low-traffic window 02:00-04:00 UTC", "Maintenance on", "Migrate to 1.1",
        "Verify schema, validation queries and progress", "Maintenance off",
        "Watch learner-progress integrity for 1m");
    assertThat(status.steps()).extracting(StepView::state).containsOnly(StepState.SUCCEEDED);
    assertThat(status.log()).anySatisfy(e -> assertThat(e.message()).contains("snapshot /snapshots/run.dump taken at",
        "4096 bytes", "restore by hand with: pg_restore --clean -n platform"));
    assertThat(status.liveVersion()).isEqualTo("1.1");
    assertThat(rt.searchAttribute(ID, "RunbookProcedure")).isEqualTo("schema-migration");
    assertThat(rt.searchAttribute(ID, "RunbookService")).isEqualTo("platform");
    assertThat(rt.searchAttribute(ID, "RunbookVersion")).isEqualTo("1.1");
    assertThat(rt.searchAttribute(ID, "RunbookOutcome")).isEqualTo("SUCCEEDED");
    assertThat(rt.locks.holders()).as("the database's lock is released").isEmpty();
    assertThat(rt.incidents.requests()).isEmpty();
  }

  @Test
  void aTargetAtOrBelowTheCurrentVersionIsRefusedBeforeAnythingChanges() {
    rt.schema.fail("checkMigration", "platform is at version 4; the target 4 must be above it", "TargetNotAboveCurrent");
    SchemaMigrationRuns.start(rt, true);

    assertThatThrownBy(() -> rt.result(ID)).isInstanceOf(WorkflowFailedException.class).rootCause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("TargetNotAboveCurrent");
          assertThat(f.getOriginalMessage()).isEqualTo("platform is at version 4; the target 4 must be above it;"
              + " nothing was changed");
        });
    assertThat(rt.schema.events()).containsExactly("policy production", "check 1.1 FAILED");
    assertThat(rt.status(ID).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(rt.locks.holders()).isEmpty();
  }

  @Test
  void anEnvironmentWithoutATargetAndProceedNowWhereApproversDecideAreRefused() {
    SchemaMigrationRuns.start(rt, new SchemaMigrationRequest("staging", "1.1", null, null, null, true, "carol", null));
    assertThatThrownBy(() -> rt.result("schema:platform:staging")).rootCause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getType())
            .isEqualTo("NoSchemaMigrationTarget"));

    rt.schema.use(FakeSchemaTarget.policy(true, LowTrafficWindow.DEFAULT, 60));
    SchemaMigrationRuns.start(rt, true);
    assertThatThrownBy(() -> rt.result(ID)).rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.getType()).isEqualTo("InvalidRequest");
      assertThat(f.getOriginalMessage()).startsWith("proceedNow is for environments whose gates pass by themselves");
    });
    assertThat(rt.schema.events()).containsExactly("policy production");
  }

  @Test
  void whereTheSectionSetsNowOnRequestProceedNowSkipsTheWindowDespiteManualGates() {
    SchemaMigrationPolicy manual = FakeSchemaTarget.policy(true, SchemaMigrationRuns.windowOpeningIn(rt, 6), 60);
    rt.schema.use(new SchemaMigrationPolicy(manual.environment(), manual.database(), manual.schemas(), manual.window(),
        manual.lockTimeoutSeconds(), manual.migrateAttempts(), manual.watchSeconds(), manual.validationQueries(), true));
    SchemaMigrationRuns.start(rt, true);
    assertThat(rt.result(ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(millisToMaintenance()).as("no wait for the window six hours away").isLessThan(60_000);
  }

  @Test
  void aRehearsalThatFailsStopsTheRunWithTheLiveDatabaseUntouched() {
    rt.schema.fail("rehearseMigration", "migrating the rehearsal copy of platform from 3 to 4 failed (the live"
        + " database is untouched): ERROR: column \"lesson_version\" already exists", "RehearsalFailed");
    SchemaMigrationRuns.start(rt, true);
    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).contains("the live database is untouched", "lesson_version");
    assertThat(rt.schema.events()).containsExactly("policy production", "check 1.1", "capture on", "snapshot",
        "rehearse 1.1 on a copy FAILED", "capture off");
    assertThat(rt.schema.maintenanceOn()).isFalse();
    assertThat(rt.schema.schemaVersion()).isEqualTo("3");
  }

  @Test
  void waitsForTheWindowUntilAnApproverSendsProceedNow() {
    rt.schema.use(FakeSchemaTarget.policy(true, SchemaMigrationRuns.windowOpeningIn(rt, 3), 60));
    SchemaMigrationRuns.start(rt, false);
    RunbookStatus waiting = rt.awaitApprovalOf(ID, "low-traffic window");
    assertThat(waiting.waitingFor()).contains("waiting for the low-traffic window", "proceed-now of step 5");
    assertThat(waiting.allowedApprovers()).containsExactly("alice", "bob");
    assertThat(rt.schema.events()).isEqualTo(BEFORE_CHANGE);

    rt.promote(ID, "carol"); // the requester may not decide for production
    rt.promote(ID, "alice");
    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SUCCEEDED);
    RunbookStatus status = rt.status(ID);
    assertThat(status.steps().get(4).detail()).isEqualTo("proceed-now by alice");
    assertThat(status.approvals()).extracting(a -> a.approver() + " " + a.accepted())
        .contains("carol false", "alice true");
  }

  @Test
  void waitsForTheNextWindowWhenTheEstimateDoesNotFitAndStartsWhenItOpens() {
    // today's window closed a moment ago (HH:mm rounds its edges down): tomorrow's is the next
    rt.schema.use(FakeSchemaTarget.policy(true, SchemaMigrationRuns.windowOpeningIn(rt, -2), 60));
    SchemaMigrationRuns.start(rt, false);
    RunbookStatus waiting = rt.awaitApprovalOf(ID, "low-traffic window");
    assertThat(waiting.waitingFor()).contains("(2");

    RunbookResult result = rt.result(ID);
    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(millisToMaintenance()).as("started in the next day's window")
        .isBetween(21L * 3600_000, 23L * 3600_000);
  }

  @Test
  void insideTheWindowWithRoomForTheEstimateItStartsAtOnce() {
    rt.schema.use(FakeSchemaTarget.policy(true, SchemaMigrationRuns.windowOpeningIn(rt, -1), 60));
    SchemaMigrationRuns.start(rt, false);
    assertThat(rt.result(ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(ID).steps().get(4).detail()).isEqualTo("inside the window");
    assertThat(millisToMaintenance()).as("no wait").isLessThan(60_000);
  }

  @Test
  void beforeTheWindowTheWindowsTimerStartsIt() {
    rt.schema.use(FakeSchemaTarget.policy(true, SchemaMigrationRuns.windowOpeningIn(rt, 3), 60));
    SchemaMigrationRuns.start(rt, false);
    assertThat(rt.result(ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(ID).steps().get(4).detail()).isEqualTo("inside the window");
    assertThat(millisToMaintenance()).as("waited for the window").isBetween(2L * 3600_000, 3L * 3600_000);
  }

  @Test
  void anAbortWhileWaitingForTheWindowChangesNothingAndStopsTheCapture() {
    rt.schema.use(FakeSchemaTarget.policy(true, SchemaMigrationRuns.windowOpeningIn(rt, 5), 60));
    SchemaMigrationRuns.start(rt, false);
    rt.awaitApprovalOf(ID, "low-traffic window");
    rt.abort(ID, "bob", "release train moved");
    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.schema.events()).containsSequence(BEFORE_CHANGE).endsWith("capture off")
        .doesNotContain("maintenance on");
    assertThat(rt.locks.holders()).isEmpty();
  }

  @Test
  void aProgressDropAfterGoLiveRestoresTheSnapshotAndReappliesLearnerWrites() {
    ProgressCensus at = FakeProgressStore.AFTER;
    // censuses: before the migration, after it, then the watch's first poll finds 40 XP gone
    rt.progress.fromCount(3, new ProgressCensus(at.documents(), at.totalXp() - 40, at.completions(), 0));
    SchemaMigrationRuns.start(rt, true);
    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).isEqualTo("learner-progress-integrity: learners' total XP went down from 480150 to"
        + " 480110 after go-live");
    assertThat(rt.schema.events()).containsExactly("policy production", "check 1.1", "capture on", "snapshot",
        "rehearse 1.1 on a copy", "maintenance on", "migrate 1.1 (maintenance on)", "verify 1.1", "maintenance off",
        "maintenance on", "restore snapshot (maintenance on)", "re-apply learner writes", "maintenance off",
        "capture off");
    assertThat(rt.schema.schemaVersion()).isEqualTo("3");
    assertThat(rt.incidents.requests()).singleElement().satisfies(i -> {
      assertThat(i.severity()).isEqualTo(2);
      assertThat(i.summary()).contains("restored from its snapshot", "3 of 3 learner(s) re-applied");
    });
  }

  @Test
  void maintenanceIsOffWhenTheMigrationFailsAndWhenTheRestoreItselfFails() {
    rt.schema.fail("migrateDatabase", "migrating platform from 3 to 4 failed and the failing file was rolled back:"
        + " ERROR: division by zero", "MigrationFailed");
    SchemaMigrationRuns.start(rt, true);
    RunbookResult failed = rt.result(ID);
    assertThat(failed.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(failed.reason()).contains("division by zero");
    assertThat(rt.schema.events()).endsWith("migrate 1.1 (maintenance on) FAILED", "restore snapshot (maintenance on)",
        "re-apply learner writes", "maintenance off", "capture off");
    assertThat(rt.schema.maintenanceOn()).isFalse();
  }

  @Test
  void aReapplyThatFindsALearnerShortEndsFailedAndStillTurnsMaintenanceOff() {
    rt.schema.fail("reapplyCapturedWrites", "learner u-17 has 40 XP, below the 55 captured", "ProgressLost");
    SchemaMigrationRuns.start(rt, true);
    rt.awaitPhase(ID, Phase.WATCHING);
    rt.abort(ID, "alice", "wrong target");
    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).startsWith("rollback incomplete (restore the snapshot and re-apply learner writes"
        + " failed) after: aborted by alice");
    assertThat(rt.schema.events()).endsWith("re-apply learner writes FAILED", "maintenance off", "capture off");
    assertThat(rt.schema.maintenanceOn()).isFalse();
  }

  /** Workflow time from the run's first log line to maintenance going on. */
  private long millisToMaintenance() {
    var log = rt.status(ID).log();
    return log.stream().filter(e -> e.message().startsWith("maintenance on:")).findFirst().orElseThrow().atMillis()
        - log.get(0).atMillis();
  }
}
