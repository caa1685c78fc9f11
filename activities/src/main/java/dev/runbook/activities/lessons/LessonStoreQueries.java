package dev.runbook.activities.lessons;

import dev.runbook.lessons.SemanticVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the lesson store (lessons/src/main/resources/db/platform): every statement the
 * activities run against {@code platform.lessons}, {@code lesson_versions} and {@code
 * feature_flags}, on the caller's connection so an activity's statements share one transaction.
 * Nothing here touches {@code user_progress}.
 */
final class LessonStoreQueries {
  private LessonStoreQueries() {}

  /** The lesson's row; {@code lock} holds it until commit so two writers cannot interleave. */
  static Optional<CurrentLesson> current(Connection c, String lessonId, boolean lock) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT current_version, previous_version FROM platform.lessons"
        + " WHERE lesson_id = ?" + (lock ? " FOR UPDATE" : ""))) {
      ps.setString(1, lessonId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new CurrentLesson(lessonId, rs.getString(1), rs.getString(2))) : Optional.empty();
      }
    }
  }

  /** Every stored version of the lesson, lowest first. */
  static List<StoredVersion> versions(Connection c, String lessonId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT lesson_id, version, content_yaml, checksum, change_kind,"
        + " stored_by, archived_at, withdrawn_at, withdrawn_reason FROM platform.lesson_versions WHERE lesson_id = ?"
        + " ORDER BY major, minor, patch")) {
      ps.setString(1, lessonId);
      List<StoredVersion> versions = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          versions.add(new StoredVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getString(9)));
        }
      }
      return versions;
    }
  }

  static Optional<StoredVersion> version(Connection c, String lessonId, String version) throws SQLException {
    SemanticVersion wanted = SemanticVersion.parse(version);
    return versions(c, lessonId).stream().filter(v -> v.semantic().equals(wanted)).findFirst();
  }

  /** Inserts the version unless its number is taken; true when this call inserted it. */
  static boolean insertVersion(Connection c, String lessonId, SemanticVersion v, String title, String yaml,
      String checksum, String changeKind, String storedBy) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform.lesson_versions (lesson_id, version, major,"
        + " minor, patch, title, content_yaml, checksum, change_kind, stored_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (lesson_id, version) DO NOTHING")) {
      ps.setString(1, lessonId);
      ps.setString(2, v.toString());
      ps.setInt(3, v.major());
      ps.setInt(4, v.minor());
      ps.setInt(5, v.patch());
      ps.setString(6, title);
      ps.setString(7, yaml);
      ps.setString(8, checksum);
      ps.setString(9, changeKind);
      ps.setString(10, storedBy);
      return ps.executeUpdate() == 1;
    }
  }

  static void upsertCurrent(Connection c, String lessonId, String version, String previous, String by)
      throws SQLException {
    update(c, "INSERT INTO platform.lessons (lesson_id, current_version, previous_version, updated_by)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT (lesson_id) DO UPDATE SET current_version = excluded.current_version,"
        + " previous_version = excluded.previous_version, updated_at = now(), updated_by = excluded.updated_by",
        lessonId, version, previous, by);
  }

  static void deleteCurrent(Connection c, String lessonId) throws SQLException {
    update(c, "DELETE FROM platform.lessons WHERE lesson_id = ?", lessonId);
  }

  static void archive(Connection c, String lessonId, String version) throws SQLException {
    update(c, "UPDATE platform.lesson_versions SET archived_at = now() WHERE lesson_id = ? AND version = ?"
        + " AND archived_at IS NULL", lessonId, version);
  }

  static void withdraw(Connection c, String lessonId, String version, String reason) throws SQLException {
    update(c, "UPDATE platform.lesson_versions SET withdrawn_at = now(), withdrawn_reason = ?"
        + " WHERE lesson_id = ? AND version = ? AND withdrawn_at IS NULL", reason, lessonId, version);
  }

  /** The lesson a flag serves, if the flag exists. */
  static Optional<String> flagLesson(Connection c, String flag) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT lesson_id FROM platform.feature_flags WHERE name = ?")) {
      ps.setString(1, flag);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static void upsertFlag(Connection c, String flag, String lessonId, String version, int percentage, String by)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform.feature_flags (name, lesson_id, version,"
        + " percentage, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version,"
        + " percentage = excluded.percentage, updated_at = now(), updated_by = excluded.updated_by"
        + " WHERE (feature_flags.version, feature_flags.percentage)"
        + " IS DISTINCT FROM (excluded.version, excluded.percentage)")) {
      ps.setString(1, flag);
      ps.setString(2, lessonId);
      ps.setString(3, version);
      ps.setInt(4, percentage);
      ps.setString(5, by);
      ps.executeUpdate();
    }
  }

  static void deleteFlag(Connection c, String flag) throws SQLException {
    update(c, "DELETE FROM platform.feature_flags WHERE name = ?", flag);
  }

  static void deleteFlagsOf(Connection c, String lessonId, String version) throws SQLException {
    update(c, "DELETE FROM platform.feature_flags WHERE lesson_id = ? AND version = ?", lessonId, version);
  }

  /** Notices about a withdrawn version would point learners at a lesson nobody serves any more. */
  static int deleteNoticesOf(Connection c, String lessonId, String version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM platform.learner_notices WHERE lesson_id = ? AND version = ?")) {
      ps.setString(1, lessonId);
      ps.setString(2, version);
      return ps.executeUpdate();
    }
  }

  private static void update(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
