package dev.runbook.activities.lessons;

import dev.runbook.activities.support.Json;
import dev.runbook.activities.support.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A real Postgres with the platform schema migrated, for lesson-store tests: seeds progress
 * documents and snapshots {@code user_progress} so each test can prove it was never written.
 */
final class LessonStoreDb implements AutoCloseable {
  private final TestPostgres pg;

  private LessonStoreDb(TestPostgres pg) {
    this.pg = pg;
  }

  static LessonStoreDb start() throws Exception {
    TestPostgres pg = TestPostgres.startMigrated();
    PlatformSchema.migrate(pg.dataSource());
    return new LessonStoreDb(pg);
  }

  DataSource dataSource() {
    return pg.dataSource();
  }

  void clean() throws SQLException {
    execute("TRUNCATE platform.learner_notices, platform.feature_flags, platform.lessons, platform.lesson_versions,"
        + " platform.user_progress");
  }

  void execute(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  long count(String sql) throws SQLException {
    return pg.count(sql);
  }

  String text(String sql) throws SQLException {
    return pg.text(sql);
  }

  /** Every row of {@code sql}, columns joined with " | ". */
  List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          cells.add(rs.getString(i));
        }
        rows.add(String.join(" | ", cells));
      }
    }
    return rows;
  }

  /** The whole progress table, byte for byte as stored, with its timestamps. */
  List<String> progressSnapshot() throws SQLException {
    return rows("SELECT user_id, document::text, updated_at FROM platform.user_progress ORDER BY user_id");
  }

  void progress(String userId, Map<String, Object> document) throws Exception {
    try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO platform.user_progress (user_id, document) VALUES (?, ?::jsonb)")) {
      ps.setString(1, userId);
      ps.setString(2, Json.MAPPER.writeValueAsString(document));
      ps.executeUpdate();
    }
  }

  /** A schema 1.0 document: {@code inProgress} and {@code completed} map lesson id to version. */
  static Map<String, Object> document(String userId, Map<String, String> inProgress, Map<String, String> completed) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("user_id", userId);
    doc.put("schema_version", "1.0");
    Map<String, Object> lessons = new LinkedHashMap<>();
    inProgress.forEach((id, v) -> lessons.put(id, Map.of("version", v, "status", "in_progress",
        "sections_completed", List.of("introduction"), "current_section", "live_example",
        "started_at", "2024-11-24T10:00:00Z")));
    doc.put("lessons", lessons);
    Map<String, Object> completions = new LinkedHashMap<>();
    completed.forEach((id, v) -> completions.put(id, Map.of("completed_at", "2024-11-20T10:00:00Z", "version", v,
        "xp_earned", 10, "quiz_score", 1, "quiz_total", 1)));
    doc.put("lesson_completions", completions);
    doc.put("gamification", Map.of("total_xp", 10 * completed.size(), "level", 1, "badges", List.of(),
        "streak_days", 2));
    return doc;
  }

  @Override
  public void close() throws Exception {
    pg.close();
  }
}
