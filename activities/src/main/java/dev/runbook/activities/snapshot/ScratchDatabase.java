package dev.runbook.activities.snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A throw-away database on the target's server for rehearsals. Opening drops a copy a crashed
 * attempt left behind (same name for every attempt of a run) and creates it afresh; closing drops
 * it, disconnecting anyone still in it.
 */
final class ScratchDatabase implements AutoCloseable {
  private final PgTarget target;
  private final String name;

  private ScratchDatabase(PgTarget target, String name) {
    this.target = target;
    this.name = name;
  }

  static ScratchDatabase create(PgTarget target, String name) throws SQLException {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}") || name.equals(target.database())) {
      throw new IllegalArgumentException("'" + name + "' cannot be a scratch database name");
    }
    ScratchDatabase scratch = new ScratchDatabase(target, name);
    scratch.drop();
    scratch.execute("CREATE DATABASE " + name);
    return scratch;
  }

  String name() {
    return name;
  }

  DataSource dataSource() {
    return target.dataSource(name);
  }

  void drop() throws SQLException {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  @Override
  public void close() throws SQLException {
    drop();
  }

  /** CREATE/DROP DATABASE cannot run in a transaction: autocommit on the target's own database. */
  private void execute(String sql) throws SQLException {
    try (Connection c = target.dataSource(target.database()).getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute(sql);
    }
  }
}
