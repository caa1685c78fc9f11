package dev.runbook.activities.lessons;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A lesson store that checks, on first use, that the platform's deploy has created the platform
 * schema there. The worker never migrates that schema itself (its migrations belong to the
 * platform, in {@code platform-migrations/}); until the schema is there, or while the database is
 * down, lesson activities fail retryably ({@code LessonStoreUnavailable}) with a message saying
 * which, and code deploys run regardless.
 */
public final class SchemaReadyDataSource implements DataSource {
  private final DataSource delegate;
  private volatile boolean checked;

  public SchemaReadyDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** Checks now; empty if the schema is there, otherwise why not (checked again on first use). */
  public java.util.Optional<String> tryCheck() {
    try {
      ensureDeployed();
      return java.util.Optional.empty();
    } catch (SQLException e) {
      return java.util.Optional.of(e.getMessage());
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    ensureDeployed();
    return delegate.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    ensureDeployed();
    return delegate.getConnection(username, password);
  }

  private void ensureDeployed() throws SQLException {
    if (checked) {
      return;
    }
    synchronized (this) {
      if (!checked) {
        try (Connection c = delegate.getConnection()) {
          if (!PlatformSchema.isDeployed(c)) {
            // 42P01 undefined table: retryable (LessonFailures), the deploy may come any moment
            throw new SQLException("the platform schema '" + PlatformSchema.SCHEMA + "' is not deployed in this"
                + " database: the platform's deploy applies platform-migrations/ (./runbook dev does at start;"
                + " a cluster runs its platform-migrations job); the worker does not apply them", "42P01");
          }
        }
        checked = true;
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate.isWrapperFor(type);
  }
}
