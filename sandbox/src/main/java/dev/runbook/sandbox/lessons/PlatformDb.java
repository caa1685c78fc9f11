package dev.runbook.sandbox.lessons;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The platform database: opens connections and names the lesson store's tables in its schema.
 * Plain JDBC without a pool: one long-lived connection runs the learner sessions and the admin
 * endpoints open short ones, which is all a loopback stand-in needs.
 */
public final class PlatformDb {

  /** The tables the sandbox reads and writes; all must exist before learners start. */
  private static final String[] TABLES = {"lesson_versions", "lessons", "feature_flags", "user_progress"};

  private final LearnerOptions options;

  public PlatformDb(LearnerOptions options) {
    if (!options.enabled()) {
      throw new IllegalArgumentException("no platform database URL");
    }
    this.options = options;
  }

  /** A new connection with short timeouts: a database that is down must not stall the sandbox. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", options.dbUser());
    props.setProperty("password", options.dbPassword());
    props.setProperty("connectTimeout", "3");
    props.setProperty("socketTimeout", "15");
    props.setProperty("ApplicationName", "runbook-sandbox-learners");
    return DriverManager.getConnection(options.dbUrl(), props);
  }

  /** {@code name} qualified with the schema; the schema is a checked identifier, so no quoting games. */
  public String table(String name) {
    return options.dbSchema() + "." + name;
  }

  public String schema() {
    return options.dbSchema();
  }

  /** Whether the platform's deploy has created the store (platform-migrations/, possibly after the sandbox started). */
  public boolean isMigrated(Connection connection) throws SQLException {
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < TABLES.length; i++) {
      sql.append(i == 0 ? "" : " and ").append("to_regclass('").append(table(TABLES[i])).append("') is not null");
    }
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
