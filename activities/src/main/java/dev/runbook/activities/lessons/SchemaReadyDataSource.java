package dev.runbook.activities.lessons;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A lesson store in its own database that migrates the platform schema on first use instead of at
 * worker start-up: if that database is down when the worker starts, code deploys still run, and
 * lesson updates fail retryably ({@code LessonStoreUnavailable}) until it is back.
 */
public final class SchemaReadyDataSource implements DataSource {
  private final DataSource delegate;
  private volatile boolean migrated;

  public SchemaReadyDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** Migrates now if it can; false (and a later try on first use) if the database is unreachable. */
  public boolean tryMigrate() {
    try {
      ensureMigrated();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    ensureMigrated();
    return delegate.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    ensureMigrated();
    return delegate.getConnection(username, password);
  }

  private void ensureMigrated() throws SQLException {
    if (migrated) {
      return;
    }
    synchronized (this) {
      if (!migrated) {
        try {
          PlatformSchema.migrate(delegate);
        } catch (RuntimeException e) { // Flyway wraps the connection failure
          throw new SQLException("the platform schema cannot be migrated yet: " + e.getMessage(), "08001", e);
        }
        migrated = true;
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
