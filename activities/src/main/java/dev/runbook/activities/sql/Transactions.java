package dev.runbook.activities.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Runs one activity's statements in one transaction, so a crash half-way leaves nothing half done
 * for the retry to trip over. Each caller says what a SQL error means for its activity (retryable
 * or not, under which failure type) through {@code failure}.
 */
public final class Transactions {
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Transactions() {}

  public static <T> T run(DataSource dataSource, Work<T> work, Function<SQLException, ? extends RuntimeException> failure) {
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
      throw failure.apply(e);
    }
  }
}
