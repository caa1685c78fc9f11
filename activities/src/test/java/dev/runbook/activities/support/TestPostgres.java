package dev.runbook.activities.support;

import dev.runbook.activities.registry.RunbookSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real Postgres (embedded binaries) with the runbook schema migrated, one database per test
 * class: start it in {@code @BeforeAll}, {@link #clean()} between tests, close in {@code @AfterAll}
 * (drops the database). The databases live in the module's one {@link SharedPostgres} server:
 * a fresh database costs milliseconds where a server of its own cost seconds per class.
 */
public final class TestPostgres implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private final EmbeddedPostgres postgres;
  private final String database;
  private final DataSource dataSource;

  private TestPostgres(EmbeddedPostgres postgres, String database) {
    this.postgres = postgres;
    this.database = database;
    this.dataSource = postgres.getDatabase("postgres", database);
  }

  public static TestPostgres startMigrated() throws IOException {
    EmbeddedPostgres server = SharedPostgres.get();
    String database = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try {
      execute(server.getPostgresDatabase(), "CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IOException("cannot create database " + database, e);
    }
    TestPostgres pg = new TestPostgres(server, database);
    RunbookSchema.migrate(pg.dataSource);
    return pg;
  }

  /** JDBC URL without credentials (user postgres, no password). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public void clean() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE runbook.runs, runbook.approvals, runbook.release_slots, runbook.incident_reports, "
          + "runbook.notifications RESTART IDENTITY");
    }
  }

  public long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public String text(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Drops this class's database (connections still open to it are ended). */
  @Override
  public void close() throws IOException {
    try {
      execute(postgres.getPostgresDatabase(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IOException("cannot drop database " + database, e);
    }
  }

  private static void execute(DataSource on, String sql) throws SQLException {
    try (Connection c = on.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
