package dev.runbook.activities.registry;

import dev.runbook.activities.testing.VirtualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.support.TestPostgres;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RuleVerdict;
import dev.runbook.workflows.contract.IncidentReport;
import dev.runbook.workflows.contract.RunRecord;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real Postgres with the Flyway migration applied. */
class RegistryActivitiesImplTest {
  private static final long T0 = 1_763_700_000_000L;
  private static TestPostgres pg;

  private final VirtualClock clock = new VirtualClock(T0 + 60_000);
  private RegistryActivitiesImpl registry;
  private RegistryReader reader;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = TestPostgres.startMigrated();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    pg.close();
  }

  @BeforeEach
  void clean() throws Exception {
    pg.clean();
    registry = new RegistryActivitiesImpl(pg.dataSource(), clock);
    reader = new RegistryReader(pg.dataSource());
  }

  private static RunRecord run(String workflowId, String runId, String service, String environment, long startedAt) {
    return new RunRecord(new RunHeader("code-deploy", workflowId, runId, service, environment, "v1.5.1", "alice",
        "ci-42", null, startedAt));
  }

  @Test
  void migrationIsRepeatable() {
    assertThat(RunbookSchema.migrate(pg.dataSource()).migrationsExecuted).isZero();
  }

  @Test
  void runsAreUpsertedAndFinishedOnce() {
    RunRecord run = run("deploy:learning-api:production", "r1", "learning-api", "production", T0);
    registry.recordRunStarted(run);
    registry.recordRunStarted(run);
    registry.recordRunFinished("deploy:learning-api:production", "r1", Outcome.ROLLED_BACK, "error-rate fired", "v1.5.0");
    clock.set(T0 + 120_000);
    registry.recordRunFinished("deploy:learning-api:production", "r1", Outcome.ROLLED_BACK, "error-rate fired", "v1.5.0");

    List<RunRow> runs = reader.recentRuns(10, null, null);
    assertThat(runs).containsExactly(new RunRow("deploy:learning-api:production", "r1", "code-deploy", "learning-api",
        "production", "v1.5.1", "alice", "ci-42", null, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 60_000),
        "ROLLED_BACK", "error-rate fired", "v1.5.0"));
  }

  @Test
  void aRunFinishedWithoutItsStartIsStillRecorded() {
    registry.recordRunFinished("rollback:learning-api:production", "r9", Outcome.FAILED, "platform down", null);
    assertThat(reader.recentRuns(10, null, null)).extracting(RunRow::outcome).containsExactly("FAILED");
  }

  @Test
  void recentRunsAreNewestFirstAndFiltered() {
    registry.recordRunStarted(run("deploy:learning-api:production", "r1", "learning-api", "production", T0));
    registry.recordRunStarted(run("deploy:learning-api:production", "r2", "learning-api", "production", T0 + 1000));
    registry.recordRunStarted(run("deploy:learning-api:local", "r3", "learning-api", "local", T0 + 2000));
    registry.recordRunStarted(run("deploy:lesson-content:production", "r4", "lesson-content", "production", T0 + 3000));

    assertThat(reader.recentRuns(10, null, null)).extracting(RunRow::runId).containsExactly("r4", "r3", "r2", "r1");
    assertThat(reader.recentRuns(2, null, null)).extracting(RunRow::runId).containsExactly("r4", "r3");
    assertThat(reader.recentRuns(10, "learning-api", null)).extracting(RunRow::runId).containsExactly("r3", "r2", "r1");
    assertThat(reader.recentRuns(10, "learning-api", "production")).extracting(RunRow::runId).containsExactly("r2", "r1");
    assertThat(reader.recentRuns(10, null, "production")).extracting(RunRow::runId).containsExactly("r4", "r2", "r1");
  }

  @Test
  void approvalsAreAnAuditTrailWithoutDuplicates() {
    ApprovalRecord promote = new ApprovalRecord("promote", "bob", 1, true, null, T0 + 5000);
    ApprovalRecord rejected = new ApprovalRecord("promote", "alice", 1, false, "the requester may not approve", T0 + 1000);
    ApprovalRecord abortWithoutStep = new ApprovalRecord("abort", null, null, false, "approver is required", T0 + 9000);
    for (int i = 0; i < 2; i++) {
      registry.recordApproval("deploy:learning-api:production", "r1", promote);
      registry.recordApproval("deploy:learning-api:production", "r1", rejected);
      registry.recordApproval("deploy:learning-api:production", "r1", abortWithoutStep);
    }
    registry.recordApproval("deploy:learning-api:local", "r2", promote);

    assertThat(reader.approvals("deploy:learning-api:production")).containsExactly(
        new ApprovalRow("deploy:learning-api:production", "r1", "promote", "alice", 1, false,
            "the requester may not approve", Instant.ofEpochMilli(T0 + 1000)),
        new ApprovalRow("deploy:learning-api:production", "r1", "promote", "bob", 1, true, null, Instant.ofEpochMilli(T0 + 5000)),
        new ApprovalRow("deploy:learning-api:production", "r1", "abort", null, null, false, "approver is required",
            Instant.ofEpochMilli(T0 + 9000)));
  }

  @Test
  void slotsAreUpsertedAndKeepTheTimeOfTheirLastChange() {
    ServiceState before = new ServiceState("learning-api", "production", "blue", List.of(
        new SlotState("blue", "v1.5.0", SlotRole.LIVE, 90), new SlotState("green", "v1.5.1", SlotRole.CANARY, 10)));
    registry.recordSlots(before);
    clock.set(T0 + 600_000);
    registry.recordSlots(new ServiceState("learning-api", "production", "green", List.of(
        new SlotState("blue", "v1.5.0", SlotRole.LIVE, 90), new SlotState("green", "v1.5.1", SlotRole.LIVE, 100))));
    registry.recordSlots(new ServiceState("lesson-content", "production", "blue", List.of(
        new SlotState("blue", "v2.0.0", SlotRole.LIVE, 100), new SlotState("green", null, SlotRole.EMPTY, 0))));

    assertThat(reader.slots("learning-api", "production")).containsExactly(
        new SlotRow("learning-api", "production", "blue", "v1.5.0", "LIVE", 90, Instant.ofEpochMilli(T0 + 60_000)),
        new SlotRow("learning-api", "production", "green", "v1.5.1", "LIVE", 100, Instant.ofEpochMilli(T0 + 600_000)));
    assertThat(reader.slots(null, null)).hasSize(4);
    assertThat(reader.slots("lesson-content", null)).extracting(SlotRow::version).containsExactly("v2.0.0", null);
  }

  @Test
  void incidentReportsGetAStableIdAndAreStoredOnce() throws Exception {
    IncidentReport report = new IncidentReport(new RunHeader("code-deploy", "deploy:learning-api:production", "r1",
        "learning-api", "production", "v1.5.1", "alice", "ci-42", null, T0),
        "v1.5.1", "v1.5.0", "error-rate", "error rate 20% > 5% for 2m",
        List.of(new RuleObservation("error-rate", 20.0, 5.0, 120L, RuleVerdict.FIRING, "breached for 2m", T0)),
        List.of(new LogEntry(T0, "Canary 10% started")), T0);

    String id = registry.writeIncidentReport(report);
    String again = registry.writeIncidentReport(report);

    assertThat(id).matches("IR-[0-9a-f]{12}").isEqualTo(again).isEqualTo(IncidentReportIds.of("deploy:learning-api:production", "r1"));
    assertThat(IncidentReportIds.of("deploy:learning-api:production", "r2")).isNotEqualTo(id);
    assertThat(pg.count("SELECT count(*) FROM runbook.incident_reports")).isEqualTo(1);
    assertThat(pg.text("SELECT body->'observations'->0->>'verdict' FROM runbook.incident_reports")).isEqualTo("FIRING");
    assertThat(pg.text("SELECT trigger || ' ' || from_version || '→' || to_version FROM runbook.incident_reports"))
        .isEqualTo("error-rate v1.5.1→v1.5.0");
  }

  @Test
  void dataThePostgresSchemaRejectsFailsNonRetryably() {
    ServiceState impossible = new ServiceState("learning-api", "production", "blue",
        List.of(new SlotState("blue", "v1.5.0", SlotRole.LIVE, 150)));
    assertThatThrownBy(() -> registry.recordSlots(impossible))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("SQLSTATE 23514");
        });
    assertThatThrownBy(() -> registry.recordRunStarted(null))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());
  }
}
