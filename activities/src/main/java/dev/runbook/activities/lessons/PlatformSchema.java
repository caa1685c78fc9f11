package dev.runbook.activities.lessons;

import javax.sql.DataSource;
import dev.runbook.activities.support.SchemaMigrations;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the learning platform's lesson store (schema {@value #SCHEMA}: lesson versions, current
 * versions, feature flags, learner notices, progress documents) from {@value #LOCATION}, which the
 * {@code lessons} module ships. Its Flyway history lives in {@value #SCHEMA}, apart from the
 * runbook's own schema, so the two never see each other's versions. Safe to run from every worker
 * and from the platform itself: Flyway locks its history table and applies each version once.
 */
public final class PlatformSchema {
  public static final String SCHEMA = "platform";
  public static final String LOCATION = "classpath:db/platform";

  private PlatformSchema() {}

  public static MigrateResult migrate(DataSource dataSource) {
    return SchemaMigrations.migrate(dataSource, LOCATION, SCHEMA);
  }
}
