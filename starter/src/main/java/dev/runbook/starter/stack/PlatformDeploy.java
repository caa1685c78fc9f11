package dev.runbook.starter.stack;

import dev.runbook.lessons.platform.PlatformMigrations;
import dev.runbook.lessons.platform.SchemaVersions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The local platform's own deploy of its schema: applies platform-migrations/ (from the lessons
 * jar, {@link PlatformMigrations#LOCATION}) to the stack's Postgres before the sandbox and the
 * worker start, as a real platform's release pipeline would. The worker never does it (issue 8:
 * one owner of the platform schema). It applies the platform's deployed release
 * ({@link PlatformMigrations#DEPLOYED_VERSION}); later versions are left pending for the
 * schema-migration runbook. Flyway applies each version once, so a kept `runbook dev` database
 * only gets the versions it lacks.
 */
final class PlatformDeploy {
  private PlatformDeploy() {}

  static MigrateResult apply(String jdbcUrl) {
    try {
      return Flyway.configure()
          .dataSource(jdbcUrl, LocalPostgres.USER, "")
          .locations(PlatformMigrations.LOCATION)
          .schemas(PlatformMigrations.SCHEMA)
          .defaultSchema(PlatformMigrations.SCHEMA)
          .table(PlatformMigrations.HISTORY_TABLE)
          .createSchemas(true)
          // up to the deployed release only: 1.1 and later are the schema-migration runbook's to apply
          .target(SchemaVersions.platform().flywayVersion(PlatformMigrations.DEPLOYED_VERSION))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new LocalStackException("cannot deploy the platform schema from " + PlatformMigrations.FOLDER + "/: "
          + e.getMessage(), e);
    }
  }
}
