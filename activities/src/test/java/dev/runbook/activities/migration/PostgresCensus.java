package dev.runbook.activities.migration;

import dev.runbook.workflows.progressmigration.ProgressCensus;
import dev.runbook.workflows.progressmigration.ProgressMigrationActivities;
import dev.runbook.workflows.progressmigration.ProgressMigrationPlan;
import dev.runbook.workflows.progressmigration.ProgressMigrationReport;
import dev.runbook.workflows.progressmigration.ProgressMigrationTask;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The census the schema migration's watch reads, straight from the target's user_progress. */
final class PostgresCensus implements ProgressMigrationActivities {
  private final DataSource db;

  PostgresCensus(DataSource db) {
    this.db = db;
  }

  @Override
  public ProgressCensus countProgress(String environment) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select count(*), coalesce(sum((document->'gamification'->>'total_xp')::bigint), 0),"
            + " coalesce(sum((select count(*) from jsonb_object_keys(document->'completions'))), 0)"
            + " from platform.user_progress")) {
      rs.next();
      return new ProgressCensus(rs.getLong(1), rs.getLong(2), rs.getLong(3), 0);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ProgressMigrationPlan planProgressMigration(String environment) {
    throw new UnsupportedOperationException("not part of a schema migration");
  }

  @Override
  public ProgressMigrationReport migrateProgressDocuments(ProgressMigrationTask task) {
    throw new UnsupportedOperationException("not part of a schema migration");
  }
}
