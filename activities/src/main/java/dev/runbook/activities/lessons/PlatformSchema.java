package dev.runbook.activities.lessons;

import dev.runbook.activities.support.SchemaMigrations;
import dev.runbook.lessons.platform.PlatformMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The learning platform's schema ({@value #SCHEMA}), whose migrations live in the repository's
 * {@code platform-migrations/} folder (see {@link PlatformMigrations}). The worker never applies
 * them at start-up: the platform's own deploy does (locally the embedded stack). {@link #migrate}
 * is for that deploy, for tests that stand in for it, and for the schema-migration runbook.
 */
public final class PlatformSchema {
  public static final String SCHEMA = PlatformMigrations.SCHEMA;
  public static final String LOCATION = PlatformMigrations.LOCATION;

  private PlatformSchema() {}

  /** Applies every pending platform migration (Flyway locks its history table: safe from several processes). */
  public static MigrateResult migrate(DataSource dataSource) {
    return SchemaMigrations.migrate(dataSource, LOCATION, SCHEMA);
  }

  /** Whether the platform's deploy has applied its baseline here (its Flyway history exists). */
  public static boolean isDeployed(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select to_regclass('" + SCHEMA + "." + PlatformMigrations.HISTORY_TABLE + "') is not null")) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
