package dev.runbook.activities.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs one schema's Flyway migrations with its history table inside that schema, so schemas
 * migrated from different locations (the runbook's own, the platform's) never see each other's
 * versions. Flyway locks the history table: safe to run from several processes at once.
 */
public final class SchemaMigrations {
  private SchemaMigrations() {}

  public static MigrateResult migrate(DataSource dataSource, String location, String schema) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(location)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .load()
        .migrate();
  }
}
