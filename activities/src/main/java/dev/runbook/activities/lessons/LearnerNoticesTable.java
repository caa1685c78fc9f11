package dev.runbook.activities.lessons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes {@code platform.learner_notices}, which the platform shows learners. Keyed by learner,
 * lesson and version, so a retried notification inserts nothing twice.
 */
final class LearnerNoticesTable {
  private LearnerNoticesTable() {}

  static void insert(Connection c, String lessonId, String version, List<NoticePlan.Planned> notices, String by)
      throws SQLException {
    if (notices.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform.learner_notices (user_id, lesson_id, version,"
        + " notice, message, created_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (NoticePlan.Planned n : notices) {
        ps.setString(1, n.userId());
        ps.setString(2, lessonId);
        ps.setString(3, version);
        ps.setString(4, n.notice().name());
        ps.setString(5, n.message());
        ps.setString(6, by);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
