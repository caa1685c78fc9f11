package dev.runbook.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.snapshot.PgClientTools;
import dev.runbook.activities.snapshot.PgTarget;
import dev.runbook.activities.snapshot.SnapshotActivitiesImpl;
import dev.runbook.activities.snapshot.TestPgTools;
import dev.runbook.activities.support.SharedPostgres;
import dev.runbook.workflows.contract.MigrationRefusal;
import dev.runbook.workflows.contract.RehearsalRequest;
import dev.runbook.workflows.contract.RehearsalResult;
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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rehearsal restores the run's snapshot into a copy, migrates the copy, checks it, drops it; the live schema stays. */
class MigrationRehearsalTest {
  private static EmbeddedPostgres pg;
  private static DataSource db;
  private static PgClientTools.Search tools;

  @TempDir Path dir;
  private Path migrations;
  private FlywaySchemaMigrationActivities activities;
  private SnapshotActivitiesImpl snapshots;
  private SnapshotRequest run;

  @BeforeAll
  static void start() throws Exception {
    pg = SharedPostgres.get();
    db = pg.getPostgresDatabase();
    tools = new PgClientTools.Search(TestPgTools.forServer(PgClientTools.serverMajor(db)).pgDump().getParent(), "", null);
  }


  @BeforeEach
  void setUp() throws Exception {
    sql("DROP SCHEMA IF EXISTS platform CASCADE");
    migrations = Files.createDirectories(dir.resolve("platform-migrations"));
    Files.writeString(migrations.resolve("V1__baseline.sql"),
        "CREATE TABLE user_progress (user_id text PRIMARY KEY, doc jsonb NOT NULL);\n"
            + "INSERT INTO user_progress SELECT 'u' || i, '{}' FROM generate_series(1, 100) i;\n");
    Files.writeString(migrations.resolve("V1.1__lesson_version.sql"),
        "ALTER TABLE user_progress ADD COLUMN lesson_version varchar(10) DEFAULT '1.0';\n"
            + "CREATE INDEX idx_lesson_version ON user_progress (lesson_version);\n");
    Flyway.configure().dataSource(db).schemas("platform").defaultSchema("platform").createSchemas(true)
        .locations("filesystem:" + migrations).target("1").load().migrate();
    snapshots = new SnapshotActivitiesImpl(env -> new PgTarget("localhost", pg.getPort(), "postgres", "postgres", null,
        List.of("platform")), dir.resolve("snapshots"), tools, Duration.ofMinutes(2), Clock.systemUTC());
    activities = new FlywaySchemaMigrationActivities(env -> new MigrationTarget(db, "platform", migrations), snapshots);
    run = new SnapshotRequest("local", "schema-migration:local", UUID.randomUUID().toString());
    snapshots.snapshotDatabase(run);
  }

  @Test
  void theCopyIsMigratedAndCheckedWhileTheLiveSchemaStaysAtItsVersion() throws Exception {
    RehearsalResult result = activities.rehearseMigration(new RehearsalRequest(run, "1.1", List.of(
        "SELECT count(*) = 100 FROM platform.user_progress WHERE lesson_version = '1.0'")));

    assertThat(result.fromVersion()).isEqualTo("1");
    assertThat(result.toVersion()).isEqualTo("1.1");
    assertThat(result.applied()).containsExactly("1.1");
    assertThat(result.validationsPassed()).isEqualTo(1);
    assertThat(result.totalMillis()).isGreaterThanOrEqualTo(result.restoreMillis() + result.migrateMillis());
    assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'platform'"
        + " AND column_name = 'lesson_version'")).isZero();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = '" + result.scratchDatabase() + "'")).isZero();
  }

  @Test
  void aStatementThatFailsOnTheCopyIsCaughtBeforeAnythingChanges() throws Exception {
    Files.writeString(migrations.resolve("V1.1__lesson_version.sql"),
        "ALTER TABLE user_progress ADD COLUMN lesson_version varchar(10);\nALTER TABLE no_such_table ADD COLUMN x int;\n");
    long history = count("SELECT count(*) FROM platform.flyway_schema_history");
    assertThatThrownBy(() -> activities.rehearseMigration(new RehearsalRequest(run, "1.1", List.of())))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(MigrationRefusal.REHEARSAL_FAILED.failureType());
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("from 1 to 1.1 failed (the live database is untouched)",
              "no_such_table");
        });
    assertThat(count("SELECT count(*) FROM platform.flyway_schema_history")).isEqualTo(history);
    assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'platform'"
        + " AND column_name = 'lesson_version'")).isZero();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname LIKE 'rehearsal_%'")).isZero();
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static long count(String query) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
