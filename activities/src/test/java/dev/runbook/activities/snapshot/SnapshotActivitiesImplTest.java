package dev.runbook.activities.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.support.SharedPostgres;
import dev.runbook.workflows.contract.RestoreResult;
import dev.runbook.workflows.contract.ScratchRestoreRequest;
import dev.runbook.workflows.contract.ScratchRestoreResult;
import dev.runbook.workflows.contract.SnapshotRecord;
import dev.runbook.workflows.contract.SnapshotRequest;
import io.temporal.failure.ApplicationFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
 * The snapshot activities against a real Postgres with the machine's (or Debian's unpacked) client
 * tools: the platform schema is the target's, the runbook schema beside it plays the registry and
 * audit that a restore must never rewind.
 */
class SnapshotActivitiesImplTest {
  private static EmbeddedPostgres pg;
  private static DataSource db;
  private static PgClientTools.Search tools;

  @TempDir Path dir;
  private SnapshotActivitiesImpl snapshots;
  private SnapshotRequest run;

  @BeforeAll
  static void start() throws Exception {
    pg = SharedPostgres.get();
    db = pg.getPostgresDatabase();
    tools = new PgClientTools.Search(TestPgTools.forServer(PgClientTools.serverMajor(db)).pgDump().getParent(), "", null);
  }


  @BeforeEach
  void seed() throws Exception {
    sql("DROP SCHEMA IF EXISTS platform CASCADE", "DROP SCHEMA IF EXISTS runbook CASCADE",
        "CREATE SCHEMA platform", "CREATE SCHEMA runbook",
        "CREATE TABLE platform.user_progress (user_id text PRIMARY KEY, doc jsonb NOT NULL)",
        "INSERT INTO platform.user_progress SELECT 'u' || i, jsonb_build_object('xp', i) FROM generate_series(1, 500) i",
        "CREATE TABLE runbook.approvals (id serial PRIMARY KEY, who text)",
        "INSERT INTO runbook.approvals (who) VALUES ('alice')");
    PgTarget target = new PgTarget("localhost", pg.getPort(), "postgres", "postgres", null, List.of("platform"));
    snapshots = new SnapshotActivitiesImpl(env -> {
      if (!env.equals("local")) {
        throw new IllegalArgumentException("environment '" + env + "' has no target database");
      }
      return target;
    }, dir, tools, Duration.ofMinutes(2), Clock.systemUTC());
    run = new SnapshotRequest("local", "schema-migration:local", UUID.randomUUID().toString());
  }

  @Test
  void restoreRewindsOnlyTheOwnedSchemaToTheSnapshot() throws Exception {
    SnapshotRecord record = snapshots.snapshotDatabase(run);
    assertThat(Path.of(record.file()).getFileName().toString()).isEqualTo("schema-migration_local--" + run.runId() + ".dump");
    assertThat(Files.size(Path.of(record.file()))).isEqualTo(record.sizeBytes()).isPositive();
    assertThat(record.schemas()).containsExactly("platform");
    assertThat(record.takenAtMillis()).isPositive();
    assertThat(record.schemaBytes()).isGreaterThan(8192L * 2); // table + primary key, at least a page each
    assertThat(record.restoreCommand()).contains("pg_restore", "--file=-", record.file(), "psql",
        "--single-transaction", "'--command=DROP SCHEMA IF EXISTS platform CASCADE'");

    sql("INSERT INTO platform.user_progress VALUES ('late', '{\"xp\": 1}')",
        "CREATE TABLE platform.added_by_migration (id int)",
        "INSERT INTO runbook.approvals (who) VALUES ('bob')");
    RestoreResult restored = snapshots.restoreSnapshot(run);

    assertThat(restored.file()).isEqualTo(record.file());
    assertThat(count("SELECT count(*) FROM platform.user_progress")).isEqualTo(500);
    assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'platform' AND tablename = 'added_by_migration'")).isZero();
    assertThat(count("SELECT count(*) FROM runbook.approvals")).isEqualTo(2); // never rewound
    assertThat(snapshots.restoreSnapshot(run).schemas()).containsExactly("platform"); // again: same state
    assertThat(count("SELECT count(*) FROM platform.user_progress")).isEqualTo(500);
  }

  @Test
  void aCompletedSnapshotIsNeverRetakenAndACutShortOneIs() throws Exception {
    Path dump = dir.resolve("schema-migration_local--" + run.runId() + ".dump");
    Files.writeString(dump, "half a dump from a crashed attempt");
    SnapshotRecord first = snapshots.snapshotDatabase(run);
    assertThat(first.sizeBytes()).isNotEqualTo(34L);

    sql("DELETE FROM platform.user_progress");
    SnapshotRecord again = snapshots.snapshotDatabase(run);
    assertThat(again).isEqualTo(first);
    snapshots.restoreSnapshot(run);
    assertThat(count("SELECT count(*) FROM platform.user_progress")).isEqualTo(500);
  }

  @Test
  void aSnapshotChangedAfterItWasTakenIsNeitherRetakenNorRestored() throws Exception {
    SnapshotRecord record = snapshots.snapshotDatabase(run);
    Files.write(Path.of(record.file()), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    sql("INSERT INTO platform.user_progress VALUES ('late', '{\"xp\": 1}')");
    for (var call : List.<Runnable>of(() -> snapshots.snapshotDatabase(run), () -> snapshots.restoreSnapshot(run))) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
        assertThat(f.getType()).isEqualTo(SnapshotFailures.SNAPSHOT_DAMAGED);
        assertThat(f.isNonRetryable()).isTrue();
        assertThat(f.getOriginalMessage()).contains("the file was changed after it was taken", "nothing was changed");
      });
    }
    assertThat(count("SELECT count(*) FROM platform.user_progress")).isEqualTo(501);
  }

  @Test
  void scratchRestorePassesItsChecksAndLeavesNoCopyBehind() throws Exception {
    snapshots.snapshotDatabase(run);
    ScratchRestoreResult result = snapshots.restoreToScratch(new ScratchRestoreRequest(run, List.of(
        "SELECT count(*) = 500 FROM platform.user_progress",
        "SELECT to_regclass('runbook.approvals') IS NULL")));
    assertThat(result.validationsPassed()).isEqualTo(2);
    assertThat(result.restoreMillis()).isPositive();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = '" + result.scratchDatabase() + "'")).isZero();
  }

  @Test
  void aFalseValidationFailsNamingTheQueryAndDropsTheCopy() throws Exception {
    snapshots.snapshotDatabase(run);
    String scratch = SnapshotFiles.scratchDatabase(run);
    sql("CREATE DATABASE " + scratch); // left behind by a crashed attempt
    assertThatThrownBy(() -> snapshots.restoreToScratch(new ScratchRestoreRequest(run, List.of(
        "SELECT true", "SELECT count(*) = 7 FROM platform.user_progress"))))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(SnapshotFailures.VALIDATION_FAILED);
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("validation query 2 is not true", "count(*) = 7");
        });
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = '" + scratch + "'")).isZero();
  }

  @Test
  void aRestoreThatWouldDropAnotherSchemasObjectIsRefusedAndChangesNothing() throws Exception {
    snapshots.snapshotDatabase(run);
    sql("INSERT INTO platform.user_progress VALUES ('late', '{\"xp\": 1}')",
        "CREATE VIEW runbook.progress_view AS SELECT user_id FROM platform.user_progress",
        "CREATE VIEW platform.own_view AS SELECT user_id FROM platform.user_progress"); // inside: fine
    assertThatThrownBy(() -> snapshots.restoreSnapshot(run))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(SnapshotFailures.RESTORE_REFUSED);
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("runbook.progress_view").doesNotContain("own_view");
        });
    assertThat(count("SELECT count(*) FROM platform.user_progress")).isEqualTo(501);
    assertThat(count("SELECT count(*) FROM runbook.progress_view")).isEqualTo(501);
  }

  @Test
  void restoreWithoutASnapshotOrForAnUnknownEnvironmentIsRefused() throws Exception {
    assertThatThrownBy(() -> snapshots.restoreSnapshot(run))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(SnapshotFailures.SNAPSHOT_MISSING);
          assertThat(f.getOriginalMessage()).contains("has no completed snapshot", "nothing was restored");
        });
    assertThatThrownBy(() -> snapshots.snapshotDatabase(new SnapshotRequest("staging", "w", "r")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(SnapshotFailures.BAD_REQUEST);
          assertThat(f.getOriginalMessage()).isEqualTo("environment 'staging' has no target database");
        });
    assertThat(count("SELECT count(*) FROM platform.user_progress")).isEqualTo(500);
  }

  private static void sql(String... statements) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static long count(String query) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
