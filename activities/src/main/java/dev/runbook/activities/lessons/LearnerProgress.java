package dev.runbook.activities.lessons;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.runbook.activities.support.Json;
import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.progress.LessonProgress;
import dev.runbook.lessons.progress.ProgressDocuments;
import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.lessons.progress.UserProgress;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads learners' progress documents ({@code platform.user_progress}) for forecasts and notices.
 * Older schema versions are migrated in memory only: progress belongs to the platform, and a
 * lesson update never writes it (seed 000: "user progress and XP are sacred").
 */
final class LearnerProgress {
  private static final Logger log = LoggerFactory.getLogger(LearnerProgress.class);
  private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {};

  private LearnerProgress() {}

  /**
   * Every readable document. One that cannot be read or migrated is logged and left out rather
   * than failing the update: one learner's broken document must not hold every lesson back.
   */
  /** Every readable document, {@code size} at a time, streamed from the database. */
  static void inBatches(Connection c, int size, Consumer<List<UserProgress>> batch) throws SQLException {
    List<UserProgress> pending = new ArrayList<>(size);
    read(c, "SELECT user_id, document::text FROM platform.user_progress ORDER BY user_id", learner -> {
      pending.add(learner);
      if (pending.size() == size) {
        batch.accept(List.copyOf(pending));
        pending.clear();
      }
    });
    if (!pending.isEmpty()) {
      batch.accept(List.copyOf(pending));
    }
  }

  /**
   * The documents that mention {@code lessonId} anywhere (a superset of the learners who started
   * or completed it, whatever the schema version), so notices and withdrawals do not parse every
   * learner's document.
   */
  static List<UserProgress> mentioning(Connection c, String lessonId) throws SQLException {
    List<UserProgress> learners = new ArrayList<>();
    read(c, "SELECT user_id, document::text FROM platform.user_progress WHERE strpos(document::text, ?) > 0"
        + " ORDER BY user_id", learners::add, "\"" + lessonId + "\"");
    return learners;
  }

  private static void read(Connection c, String sql, Consumer<UserProgress> each, String... params)
      throws SQLException {
    ProgressMigrations migrations = ProgressMigrations.standard();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      // stream rows instead of loading the whole table into the driver (inside a transaction)
      ps.setFetchSize(500);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try {
            Map<String, Object> doc = Json.MAPPER.readValue(rs.getString(2), DOCUMENT);
            each.accept(ProgressDocuments.read(migrations.migrate(doc).document()));
          } catch (IOException | RuntimeException e) {
            log.warn("progress of user {} left out: {}", rs.getString(1), e.getMessage());
          }
        }
      }
    }
  }

  /** Learners part-way through {@code lessonId} on {@code version}. */
  static int inProgressOn(List<UserProgress> learners, String lessonId, SemanticVersion version) {
    int n = 0;
    for (UserProgress p : learners) {
      LessonProgress lesson = p.lessons().get(lessonId);
      if (lesson != null && lesson.isInProgress() && lesson.startedVersion().equals(version)) {
        n++;
      }
    }
    return n;
  }
}
