package dev.runbook.sandbox.lessons;

import dev.runbook.sandbox.metrics.LessonSeriesKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the lesson store (tables of lessons/src/main/resources/db/platform/V1__create_lesson_store.sql).
 * Read-only: the runbook publishes, flags and withdraws; the platform only serves.
 */
public final class LessonStore {

  private final PlatformDb db;

  public LessonStore(PlatformDb db) {
    this.db = db;
  }

  /** Every published lesson with all its stored versions (without content) and flags. */
  public LessonCatalog read(Connection c, long nowMillis) throws SQLException {
    Map<String, String> current = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "select lesson_id, current_version from " + db.table("lessons") + " order by lesson_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        current.put(rs.getString(1), rs.getString(2));
      }
    }
    Map<String, Map<String, StoredVersion>> versions = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("select v.lesson_id, v.version, v.checksum, v.withdrawn_at is not null"
        + " from " + db.table("lesson_versions") + " v join " + db.table("lessons") + " l using (lesson_id)");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        StoredVersion v = new StoredVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
        versions.computeIfAbsent(v.lessonId(), k -> new HashMap<>()).put(LessonSeriesKey.normalise(v.version()), v);
      }
    }
    Map<String, List<LessonFlag>> flags = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "select name, lesson_id, version, percentage from " + db.table("feature_flags") + " order by name");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        LessonFlag f = new LessonFlag(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4));
        flags.computeIfAbsent(f.lessonId(), k -> new ArrayList<>()).add(f);
      }
    }
    List<PublishedLesson> lessons = new ArrayList<>();
    current.forEach((id, version) -> lessons.add(new PublishedLesson(id, version,
        versions.getOrDefault(id, Map.of()), flags.getOrDefault(id, List.of()))));
    return new LessonCatalog(lessons, nowMillis);
  }

  /** The YAML of one stored version, if the row exists. */
  public Optional<String> content(Connection c, String lessonId, String version) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select content_yaml from " + db.table("lesson_versions")
        + " where lesson_id = ? and version = ?")) {
      s.setString(1, lessonId);
      s.setString(2, version);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
