package dev.runbook.activities.progress;

import dev.runbook.activities.lessons.PlatformSchema;
import dev.runbook.activities.support.TestPostgres;
import dev.runbook.sandbox.lessons.LearnerOptions;
import dev.runbook.sandbox.lessons.PlatformDb;
import dev.runbook.sandbox.lessons.ProgressStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's progress table in a real Postgres, deployed from platform-migrations/ as the
 * platform would: seeds learners' documents of schema 0.9 and reads back XP per learner. The
 * learners' writer is the sandbox's own {@link ProgressStore} (compare-and-set), not a stand-in.
 */
final class ProgressTable {
  final TestPostgres pg;

  ProgressTable(TestPostgres pg) {
    this.pg = pg;
    PlatformSchema.migrate(pg.dataSource());
  }

  void clear() throws SQLException {
    exec("truncate platform.user_progress, platform.progress_migration_batches");
  }

  /**
   * Learners {@code learner-000001..n} (more digits beyond 999999) with 0.9 documents (no schema_version, no lesson versions):
   * one lesson in progress, one completion of 50 XP, total XP 50 + i % 7.
   */
  void seed09(int from, int to) throws SQLException {
    String id = "'learner-' || lpad(i::text, " + Math.max(6, String.valueOf(to).length()) + ", '0')";
    exec("insert into platform.user_progress (user_id, document) select " + id + ","
        + " jsonb_build_object('user_id', " + id + ","
        + "  'lessons', jsonb_build_object('stock_basics_002', jsonb_build_object('status', 'in_progress',"
        + "    'sections_completed', jsonb_build_array('introduction'))),"
        + "  'lesson_completions', jsonb_build_object('stock_basics_001', jsonb_build_object('xp_earned', 50,"
        + "    'quiz_score', 4, 'quiz_total', 5)),"
        + "  'gamification', jsonb_build_object('total_xp', 50 + i % 7, 'level', 1, 'badges', jsonb_build_array(),"
        + "    'streak_days', 0))"
        + " from generate_series(" + from + ", " + to + ") i");
  }

  void put(String userId, String json) throws SQLException {
    try (Connection c = pg.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "insert into platform.user_progress (user_id, document) values (?, ?::jsonb)")) {
      s.setString(1, userId);
      s.setString(2, json);
      s.executeUpdate();
    }
  }

  /** XP per learner as stored now. */
  Map<String, Long> xp() throws SQLException {
    Map<String, Long> xp = new TreeMap<>();
    try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select user_id, (document->'gamification'->>'total_xp')::bigint from platform.user_progress")) {
      while (rs.next()) {
        xp.put(rs.getString(1), rs.getLong(2));
      }
    }
    return xp;
  }

  long count(String sql) throws SQLException {
    return pg.count(sql);
  }

  /** The sandbox's progress store over this table: how learners write. */
  ProgressStore learnerWrites() {
    return new ProgressStore(new PlatformDb(LearnerOptions.off().withDb(pg.jdbcUrl(), "postgres", "", "platform")));
  }

  private void exec(String sql) throws SQLException {
    try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
