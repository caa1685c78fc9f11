package dev.runbook.activities.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.lessons.LessonEnvironments;
import dev.runbook.activities.lessons.TestCatalog;
import dev.runbook.activities.support.TestPostgres;
import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.sandbox.lessons.ProgressStore;
import dev.runbook.workflows.progressmigration.ProgressCensus;
import dev.runbook.workflows.progressmigration.ProgressMigrationActivities;
import dev.runbook.workflows.progressmigration.ProgressMigrationReport;
import dev.runbook.workflows.progressmigration.ProgressMigrationTask;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The progress migration pass on a real Postgres: keyset batches with one ledger row each, a resume
 * from the heartbeat checkpoint (or from the ledger when the heartbeat was lost) that applies no
 * batch twice, learners writing through the sandbox's compare-and-set store during the pass
 * without losing a point, an idempotent second run, and refusals.
 */
class ProgressMigrationActivitiesImplTest {
  private static TestPostgres pg;
  private static ProgressTable table;
  private final ProgressMigrationActivitiesImpl impl = new ProgressMigrationActivitiesImpl(
      new LessonEnvironments(TestCatalog.catalog(), Map.of("local", pg.dataSource())), ProgressMigrations.standard());
  private final List<ProgressCheckpoint> beats = new ArrayList<>();
  private TestActivityEnvironment env;
  private ProgressMigrationActivities activities;

  @BeforeAll
  static void start() throws Exception {
    pg = TestPostgres.startMigrated();
    table = new ProgressTable(pg);
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    table.clear();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(impl);
    env.setActivityHeartbeatListener(ProgressCheckpoint.class, beats::add);
    activities = env.newActivityStub(ProgressMigrationActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2)).setHeartbeatTimeout(Duration.ofMinutes(1)).build());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void migratesEveryDocumentInKeysetBatchesWithOneLedgerRowEachAndKeepsEveryPoint() throws Exception {
    table.seed09(1, 2_490);
    table.put("learner-009999", "{\"user_id\":\"learner-009999\",\"schema_version\":\"1.0\",\"gamification\":{\"total_xp\":3}}");
    Map<String, Long> xpBefore = table.xp();
    ProgressCensus before = activities.planProgressMigration("local").before();
    assertThat(before).isEqualTo(new ProgressCensus(2_491, xpBefore.values().stream().mapToLong(Long::longValue).sum(),
        2_490, 2_490));

    ProgressMigrationReport report = activities.migrateProgressDocuments(task("run-1", 500));

    assertThat(report).isEqualTo(new ProgressMigrationReport(5, 2_490, 1, 0, 0));
    // the SDK throttles heartbeats: the server may only see some checkpoints (the ledger has them all)
    assertThat(beats).isNotEmpty().first().isEqualTo(new ProgressCheckpoint(1, "learner-000500", 500, 0, 0));
    assertThat(table.count("select count(*) from platform.progress_migration_batches where run_key = 'run-1'")).isEqualTo(5);
    assertThat(table.xp()).isEqualTo(xpBefore);
    ProgressCensus after = activities.countProgress("local");
    assertThat(after.lossSince(before)).isNull();
    assertThat(after.behind()).isZero();
    assertThat(table.count("select count(*) from platform.user_progress where"
        + " document->'lessons'->'stock_basics_002'->>'version' = '1.0'"
        + " and document->'lesson_completions'->'stock_basics_001'->>'version' = '1.0'")).isEqualTo(2_490);
  }

  @Test
  void aRetryResumesFromItsHeartbeatOrFromTheLedgerAndAppliesNoBatchTwice() throws Exception {
    table.seed09(1, 1_000);
    List<ProgressCheckpoint> committed = new ArrayList<>();
    // the first attempt's worker dies after its 3rd batch committed
    assertThatThrownBy(() -> new ProgressPass(pg.dataSource(), ProgressMigrations.standard(), cp -> {
      committed.add(cp);
      if (cp.batches() == 3) {
        throw new IllegalStateException("worker killed");
      }
    }).run(task("run-2", 100), ProgressCheckpoint.START)).hasMessage("worker killed");
    assertThat(table.count("select count(*) from platform.user_progress where document ? 'schema_version'")).isEqualTo(300);

    // its last heartbeat that reached the server said 2 batches: the ledger knows better
    env.setHeartbeatDetails(committed.get(1));
    ProgressMigrationReport report = activities.migrateProgressDocuments(task("run-2", 100));

    assertThat(report.resumedAfterBatch()).isEqualTo(3);
    assertThat(report.batches()).isEqualTo(10);
    assertThat(report.migrated()).isEqualTo(1_000);
    assertThat(table.count("select count(*) from platform.progress_migration_batches where run_key = 'run-2'")).isEqualTo(10);
    assertThat(table.count("select count(*) from platform.user_progress where revision <> 1"))
        .as("every document written exactly once").isZero();
  }

  @Test
  void aSecondRunOverAMigratedTableChangesNothing() throws Exception {
    table.seed09(1, 300);
    activities.migrateProgressDocuments(task("run-3", 100));
    ProgressMigrationReport again = activities.migrateProgressDocuments(task("run-4", 100));

    assertThat(again).isEqualTo(new ProgressMigrationReport(3, 0, 300, 0, 0));
    assertThat(table.count("select count(*) from platform.user_progress where revision <> 1")).isZero();
  }

  @Test
  void aLearnerWriteBetweenTheBatchsReadAndItsWriteIsKeptAndTheDocumentMigratedAgain() throws Exception {
    table.seed09(1, 5);
    ProgressStore learners = table.learnerWrites();
    ProgressBatch batch = new ProgressBatch(ProgressMigrations.standard());
    try (Connection migration = pg.dataSource().getConnection(); Connection learner = pg.dataSource().getConnection()) {
      migration.setAutoCommit(false);
      List<ProgressBatch.Row> rows = batch.read(migration, null, 10);
      learners.update(learner, "learner-000003", doc -> addXp(doc, 25));
      ProgressBatch.Outcome outcome = batch.apply(migration, rows);
      migration.commit();

      assertThat(outcome.lostRaces()).isEqualTo(1);
      assertThat(outcome.migrated()).isEqualTo(5);
    }
    assertThat(table.xp()).containsEntry("learner-000003", 50L + 3 + 25);
    assertThat(table.count("select count(*) from platform.user_progress where document->>'schema_version' = '1.0'"))
        .isEqualTo(5);
  }

  @Test
  void learnersWritingThroughoutThePassLoseNoPoint() throws Exception {
    table.seed09(1, 3_000);
    Map<String, Long> expected = new ConcurrentHashMap<>(table.xp());
    ProgressStore learners = table.learnerWrites();
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      try (Connection c = pg.dataSource().getConnection()) {
        for (int i = 0; !stop.get(); i++) {
          String user = String.format("learner-%06d", 1 + (i * 37) % 3_000);
          learners.update(c, user, doc -> addXp(doc, 5));
          expected.merge(user, 5L, Long::sum); // acknowledged: the write committed
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    ProgressMigrationReport report;
    try {
      report = activities.migrateProgressDocuments(task("run-5", 50));
    } finally {
      stop.set(true);
      writer.join();
    }
    assertThat(report.migrated()).isEqualTo(3_000);
    assertThat(table.xp()).isEqualTo(expected);
    assertThat(activities.countProgress("local").behind()).isZero();
  }

  @Test
  void anUnreadableDocumentStopsThePassNonRetryablyAndTheBatchesBeforeItStay() throws Exception {
    table.seed09(1, 250);
    table.put("learner-000120x", "{\"user_id\":\"learner-000120x\",\"schema_version\":\"7.0\"}");

    assertThatThrownBy(() -> activities.migrateProgressDocuments(task("run-6", 100)))
        .isInstanceOf(ActivityFailure.class).cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("ProgressDocumentUnreadable");
          assertThat(f.getOriginalMessage()).contains("learner-000120x", "'7.0' is unknown");
        });
    assertThat(table.count("select count(*) from platform.progress_migration_batches where run_key = 'run-6'")).isEqualTo(1);
    assertThat(table.count("select count(*) from platform.user_progress where document->>'schema_version' = '1.0'"))
        .isEqualTo(100);
  }

  @Test
  void refusesAnUnknownEnvironmentAndOneWithoutAProgressStore() {
    assertThatThrownBy(() -> activities.planProgressMigration("moon")).cause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("UnknownEnvironment");
        });
    assertThatThrownBy(() -> activities.migrateProgressDocuments(task("run-7", 10, "staging"))).cause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("NoProgressStore");
          assertThat(f.getOriginalMessage()).contains("environment 'staging' has no progress store");
        });
  }

  private static ProgressMigrationTask task(String runKey, int batchSize) {
    return task(runKey, batchSize, "local");
  }

  private static ProgressMigrationTask task(String runKey, int batchSize, String environment) {
    return new ProgressMigrationTask(environment, runKey, batchSize);
  }

  @SuppressWarnings("unchecked")
  private static ProgressStore.Change<Void> addXp(Optional<Map<String, Object>> stored, int xp) {
    Map<String, Object> doc = new LinkedHashMap<>(stored.orElseThrow());
    Map<String, Object> g = new LinkedHashMap<>((Map<String, Object>) doc.get("gamification"));
    g.put("total_xp", ((Number) g.get("total_xp")).longValue() + xp);
    doc.put("gamification", g);
    return new ProgressStore.Change<>(doc, null);
  }
}
