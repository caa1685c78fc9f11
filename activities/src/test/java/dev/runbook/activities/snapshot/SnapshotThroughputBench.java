package dev.runbook.activities.snapshot;

import dev.runbook.activities.support.SharedPostgres;
import dev.runbook.workflows.contract.RestoreResult;
import dev.runbook.workflows.contract.ScratchRestoreRequest;
import dev.runbook.workflows.contract.ScratchRestoreResult;
import dev.runbook.workflows.contract.SnapshotRecord;
import dev.runbook.workflows.contract.SnapshotRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Snapshot and restore throughput of the platform schema on embedded Postgres 14 with the
 * machine's client tools: {@code -Dbench.rows} learners (default 200,000), each a progress document
 * shaped like seed 001's. Prints the figures; asserts nothing about speed.
 *
 * <p>Run: {@code mvn -B -ntp verify -pl activities -am -Dbench=true -Dtest=SnapshotThroughputBench
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.rows=N]}
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SnapshotThroughputBench {

  @Test
  void snapshotAndRestore() throws Exception {
    int rows = Integer.getInteger("bench.rows", 200_000);
    var pg = SharedPostgres.get();
    DataSource db = pg.getPostgresDatabase();
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS platform CASCADE");
      s.execute("CREATE SCHEMA platform");
      s.execute("CREATE TABLE platform.user_progress (user_id text PRIMARY KEY, doc jsonb NOT NULL)");
      s.execute("INSERT INTO platform.user_progress SELECT 'telegram_' || i, jsonb_build_object("
          + "'user_id', 'telegram_' || i, 'schema_version', '1.0', 'xp', i % 5000,"
          + "'lessons', jsonb_build_object('stock_basics_001', jsonb_build_object('version', '1.2',"
          + " 'status', 'in_progress', 'sections_completed', jsonb_build_array('introduction', 'live_example'),"
          + " 'current_section', 'explanation', 'started_at', '2024-11-24T10:00:00Z',"
          + " 'last_accessed', '2024-11-24T10:15:00Z')),"
          + "'lesson_completions', jsonb_build_object('etf_basics_002', jsonb_build_object('version', '1.1',"
          + " 'completed_at', '2024-11-20T18:00:00Z', 'quiz_score', i % 100)))"
          + " FROM generate_series(1, " + rows + ") i");
      s.execute("VACUUM ANALYZE platform.user_progress");
    }
    long tableBytes = count(db, "SELECT pg_total_relation_size('platform.user_progress')");
    Path dir = Files.createTempDirectory("snapshot-bench");
    PgClientTools tools = TestPgTools.forServer(PgClientTools.serverMajor(db));
    SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl(env -> new PgTarget("localhost", pg.getPort(),
        "postgres", "postgres", null, List.of("platform")), dir,
        new PgClientTools.Search(tools.pgDump().getParent(), "", null), Duration.ofMinutes(30), Clock.systemUTC());
    SnapshotRequest run = new SnapshotRequest("local", "schema-migration:bench", UUID.randomUUID().toString());

    SnapshotRecord snap = snapshots.snapshotDatabase(run);
    ScratchRestoreResult scratch = snapshots.restoreToScratch(new ScratchRestoreRequest(run,
        List.of("SELECT count(*) = " + rows + " FROM platform.user_progress")));
    RestoreResult live = snapshots.restoreSnapshot(run);

    System.out.printf("BENCH rows=%d table=%.1f MB dump=%.1f MB client=%s%n", rows, tableBytes / 1e6,
        snap.sizeBytes() / 1e6, tools.version());
    System.out.printf("BENCH snapshot: %d ms, %.1f MB/s (recorded, of schema data)%n", snap.durationMillis(),
        snap.megabytesPerSecond());
    System.out.printf("BENCH scratch restore: %d ms (with validation and drop %d ms), %.1f MB/s%n",
        scratch.restoreMillis(), scratch.totalMillis(), scratch.megabytesPerSecond());
    System.out.printf("BENCH live restore: %d ms, %.1f MB/s%n", live.durationMillis(), live.megabytesPerSecond());
  }

  private static long count(DataSource db, String sql) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
