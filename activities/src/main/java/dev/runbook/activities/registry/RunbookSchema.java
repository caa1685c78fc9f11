package dev.runbook.activities.registry;

import javax.sql.DataSource;
import dev.runbook.activities.support.SchemaMigrations;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the runbook's own schema ({@value #SCHEMA}) from {@value #LOCATION}. Kept apart from the
 * platform's schemas (lessons, progress, flags), which the schema-migration runbook migrates:
 * its own history table lives in {@value #SCHEMA}, so the two never see each other's versions.
 */
public final class RunbookSchema {
  public static final String SCHEMA = "runbook";
  public static final String LOCATION = "classpath:db/runbook";

  private RunbookSchema() {}

  public static MigrateResult migrate(DataSource dataSource) {
    return SchemaMigrations.migrate(dataSource, LOCATION, SCHEMA);
  }
}
