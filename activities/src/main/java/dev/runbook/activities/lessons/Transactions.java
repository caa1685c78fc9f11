package dev.runbook.activities.lessons;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs one activity's statements in one transaction, so a crash half-way leaves nothing half
 * done for the retry to trip over; SQL errors become activity failures ({@link LessonFailures#sql}).
 */
final class Transactions {
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Transactions() {}

  static <T> T run(DataSource dataSource, String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw LessonFailures.sql(what, e);
    }
  }
}
