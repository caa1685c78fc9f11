package dev.runbook.activities.support;

import dev.runbook.activities.registry.RunbookSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A real Postgres (embedded binaries) with the runbook schema migrated, one per test class:
 * start it in {@code @BeforeAll}, {@link #clean()} between tests, close in {@code @AfterAll}.
 */
public final class TestPostgres implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final DataSource dataSource;

  private TestPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.dataSource = postgres.getPostgresDatabase();
  }

  public static TestPostgres startMigrated() throws IOException {
    TestPostgres pg = new TestPostgres(EmbeddedPostgres.builder().start());
    RunbookSchema.migrate(pg.dataSource);
    return pg;
  }

  /** JDBC URL without credentials (user postgres, no password). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
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

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
