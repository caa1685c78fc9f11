package dev.runbook.activities.progress;

import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.workflows.progressmigration.ProgressCensus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts the progress table in one statement (one snapshot): documents, the sum of every
 * learner's total XP, completions, and documents behind the current schema. XP and completions
 * are read where every schema version keeps them ({@code ProgressFingerprint}).
 */
final class ProgressCensusQuery {
  private static final String SQL = "select count(*),"
      + " coalesce(sum(case when jsonb_typeof(document->'gamification'->'total_xp') = 'number'"
      + "   then (document->'gamification'->>'total_xp')::numeric end), 0)::bigint,"
      + " coalesce(sum(case when jsonb_typeof(document->'lesson_completions') = 'object'"
      + "   then (select count(*) from jsonb_object_keys(document->'lesson_completions')) end), 0)::bigint,"
      + " count(*) filter (where coalesce(document->>'schema_version', '"
      + ProgressMigrations.VERSION_WHEN_ABSENT + "') <> ?)"
      + " from platform.user_progress";

  private ProgressCensusQuery() {}

  static ProgressCensus take(Connection c, String currentSchema) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setString(1, currentSchema);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new ProgressCensus(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
      }
    }
  }
}
