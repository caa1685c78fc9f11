package dev.runbook.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.lessons.progress.ProgressFingerprint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the platform's lesson store and learners' progress straight from the stack's Postgres. */
final class LessonStoreReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String jdbcUrl;

  LessonStoreReader(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  String currentVersion(String lessonId) throws SQLException {
    List<String> v = strings("select current_version from platform.lessons where lesson_id = ?", lessonId);
    return v.isEmpty() ? null : v.get(0);
  }

  List<String> withdrawn(String lessonId) throws SQLException {
    return strings("select version from platform.lesson_versions where lesson_id = ? and withdrawn_at is not null"
        + " order by version", lessonId);
  }

  List<String> archived(String lessonId) throws SQLException {
    return strings("select version from platform.lesson_versions where lesson_id = ? and archived_at is not null"
        + " order by version", lessonId);
  }

  /** Every flag as "name=percentage". */
  List<String> flags() throws SQLException {
    return strings("select name || '=' || percentage from platform.feature_flags order by name");
  }

  /** Every learner's fingerprint: total XP and XP per completed lesson. */
  Map<String, ProgressFingerprint> fingerprints() {
    Map<String, ProgressFingerprint> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        PreparedStatement s = c.prepareStatement("select user_id, document::text from platform.user_progress");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Map<String, Object> doc = JSON.readValue(rs.getString(2), new TypeReference<Map<String, Object>>() {});
        out.put(rs.getString(1), ProgressFingerprint.of(doc));
      }
    } catch (Exception e) {
      throw new AssertionError("cannot read platform.user_progress", e);
    }
    return out;
  }

  /** Waits until at least {@code learners} learners have progress and {@code completions} lessons were completed. */
  void awaitLearners(int learners, int completions, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      Map<String, ProgressFingerprint> now = fingerprints();
      long done = now.values().stream().mapToLong(f -> f.completions().size()).sum();
      if (now.size() >= learners && done >= completions) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the sandbox's learners did not reach " + learners + " learners and " + completions
        + " completions within " + limit);
  }

  private List<String> strings(String sql, String... args) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }
}
