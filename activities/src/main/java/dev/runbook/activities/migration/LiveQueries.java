package dev.runbook.activities.migration;

import dev.runbook.workflows.contract.MigrationRefusal;
import dev.runbook.workflows.contract.SchemaMigrationActivities;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The environment's validation queries on the live database after a migration, each in a
 * read-only transaction: one true row each, or the run rolls back naming the query. Connection
 * trouble (SQLState class 08) is retried as unreachable instead.
 */
final class LiveQueries {
  private LiveQueries() {}

  static int check(DataSource live, List<String> queries) {
    for (int i = 0; i < queries.size(); i++) {
      String sql = queries.get(i);
      try (Connection c = live.getConnection()) {
        c.setReadOnly(true);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
          if (!rs.next() || !rs.getBoolean(1)) {
            throw ApplicationFailure.newNonRetryableFailure("validation query " + (i + 1)
                + " is not true on the live database: " + sql, SchemaMigrationActivities.VERIFY_FAILED);
          }
        }
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
          throw ApplicationFailure.newFailureWithCause("the live database cannot be reached: " + e.getMessage(),
              MigrationRefusal.DATABASE_UNREACHABLE, e);
        }
        throw ApplicationFailure.newNonRetryableFailure("validation query " + (i + 1) + " failed on the live"
            + " database: " + e.getMessage() + " (" + sql + ")", SchemaMigrationActivities.VERIFY_FAILED);
      }
    }
    return queries.size();
  }
}
