package dev.runbook.activities.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.migration.MigrationTarget;
import dev.runbook.activities.snapshot.PgClientTools;
import dev.runbook.activities.snapshot.PgTarget;
import dev.runbook.activities.snapshot.SnapshotActivitiesImpl;
import dev.runbook.activities.snapshot.TestPgTools;
import dev.runbook.activities.support.SharedPostgres;
import dev.runbook.workflows.contract.LearnerWriteCaptureActivities;
import dev.runbook.workflows.contract.ReapplyResult;
import dev.runbook.workflows.contract.SnapshotRequest;
import io.temporal.failure.ApplicationFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capture against a real Postgres: learners write after the snapshot, the snapshot is
 * restored with pg_restore (the owned schema dropped and recreated), and the re-apply brings back
 * every XP point and completion written since, checked against what the test itself wrote.
 */
class LearnerWriteCaptureImplTest {
  private static final String SCHEMA = "learners";
  private static EmbeddedPostgres pg;
  private static DataSource db;

  @TempDir Path dir;
  private LearnerWriteCaptureImpl capture;
  private SnapshotRequest run;

  @BeforeAll
  static void start() throws Exception {
    pg = SharedPostgres.get();
    db = pg.getPostgresDatabase();
  }

  @BeforeEach
  void seed() throws Exception {
    sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".user_progress (user_id text PRIMARY KEY, document jsonb NOT NULL,"
            + " updated_at timestamptz NOT NULL DEFAULT now(), revision bigint NOT NULL DEFAULT 0)",
        "INSERT INTO " + SCHEMA + ".user_progress (user_id, document) VALUES"
            + " ('u1', '" + doc(10, "a") + "'), ('u2', '" + doc(20, "a") + "')");
    capture = new LearnerWriteCaptureImpl(env -> new MigrationTarget(db, SCHEMA, dir));
    run = new SnapshotRequest("local", "schema-migration:local", UUID.randomUUID().toString());
  }

  @Test
  void everyWriteAfterTheSnapshotSurvivesItsRestore() throws Exception {
    assertThat(capture.startCapture(run).capturing()).isTrue();
    assertThat(capture.startCapture(run).capturedWrites()).isZero(); // idempotent
    PgTarget target = new PgTarget("localhost", pg.getPort(), "postgres", "postgres", null, List.of(SCHEMA));
    PgClientTools.Search tools = new PgClientTools.Search(
        TestPgTools.forServer(PgClientTools.serverMajor(db)).pgDump().getParent(), "", null);
    SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl(env -> target, dir, tools, Duration.ofMinutes(2),
        Clock.systemUTC());
    snapshots.snapshotDatabase(run);

    learnerWrites("UPDATE " + SCHEMA + ".user_progress SET document = '" + doc(35, "a", "b") + "',"
        + " revision = revision + 1 WHERE user_id = 'u1' AND revision = 0",
        "INSERT INTO " + SCHEMA + ".user_progress (user_id, document) VALUES ('u3', '" + doc(5) + "')");
    assertThat(capture.startCapture(run).capturedWrites()).isEqualTo(2);

    snapshots.restoreSnapshot(run); // the guard lets it pass: the trigger's dependency points out of the schema
    assertThat(xp("u1")).isEqualTo(10);
    assertThat(count("SELECT count(*) FROM " + SCHEMA + ".user_progress WHERE user_id = 'u3'")).isZero();

    ReapplyResult result = capture.reapplyCapturedWrites(run);
    assertThat(result).isEqualTo(new ReapplyResult(2, 2, 10, 40, 2));
    assertThat(xp("u1")).isEqualTo(35);
    assertThat(xp("u3")).isEqualTo(5);
    assertThat(xp("u2")).isEqualTo(20);
    assertThat(count("SELECT count(*) FROM " + SCHEMA + ".user_progress WHERE user_id = 'u1'"
        + " AND document->'completions' ?& array['a', 'b']")).isEqualTo(1);

    assertThat(capture.reapplyCapturedWrites(run).reapplied()).isZero(); // a retry changes nothing
    assertThat(capture.startCapture(run).capturedWrites()).isEqualTo(2); // the re-apply is not captured again
    assertThat(capture.stopCapture(run).capturing()).isFalse();
    assertThat(capture.stopCapture(run).capturing()).isFalse();
  }

  @Test
  void aCapturedWriteWithLessXpThanTheSnapshotIsRefusedAndNothingIsWritten() throws Exception {
    capture.startCapture(run);
    // a faulty migration step resets u1's XP after the snapshot: re-applying it would lose 10 XP
    learnerWrites("UPDATE " + SCHEMA + ".user_progress SET document = '" + doc(0) + "',"
        + " revision = revision + 1 WHERE user_id = 'u1'");
    sql("SET session_replication_role = replica", // a restore of u1 to the snapshot, without capturing it
        "UPDATE " + SCHEMA + ".user_progress SET document = '" + doc(10, "a") + "' WHERE user_id = 'u1'");

    assertThatThrownBy(() -> capture.reapplyCapturedWrites(run)).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.getType()).isEqualTo(LearnerWriteCaptureActivities.PROGRESS_LOST);
      assertThat(f.isNonRetryable()).isTrue();
      assertThat(f.getOriginalMessage()).isEqualTo("1 learner(s) would lose progress written after the snapshot,"
          + " so nothing was re-applied: u1 (XP 0 < 10, completions missing [a])");
    });
    assertThat(xp("u1")).isEqualTo(10);
    capture.stopCapture(run);
  }

  private static String doc(int xp, String... completions) {
    StringBuilder done = new StringBuilder();
    for (String c : completions) {
      done.append(done.isEmpty() ? "" : ", ").append("\"").append(c).append("\": {\"xp_earned\": 5}");
    }
    return "{\"schema_version\": \"1.0\", \"gamification\": {\"total_xp\": " + xp + "}, \"completions\": {" + done + "}}";
  }

  private static void learnerWrites(String... statements) throws Exception {
    sql(statements);
  }

  private static long xp(String user) throws Exception {
    return count("SELECT (document->'gamification'->>'total_xp')::bigint FROM " + SCHEMA
        + ".user_progress WHERE user_id = '" + user + "'");
  }

  private static void sql(String... statements) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static long count(String query) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
