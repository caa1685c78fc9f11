package dev.runbook.worker.config;

import dev.runbook.activities.migration.MigrationTarget;
import dev.runbook.activities.snapshot.PgTarget;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * The target database of each environment with a schema-migration section, as the snapshot
 * (host, port, user for pg_dump) and migration (a DataSource for Flyway) activities need it; the
 * worker's own database when the section names none. Unknown environments throw
 * IllegalArgumentException, which the activities turn into a specific non-retryable failure.
 */
final class SchemaMigrationTargets {
  /** Host, port and database of a JDBC URL. */
  record Address(String host, int port, String database) {}

  private final Map<String, PgTarget> pg = new LinkedHashMap<>();
  private final Map<String, MigrationTarget> migration = new LinkedHashMap<>();
  private final Map<String, URI> maintenance = new LinkedHashMap<>();

  SchemaMigrationTargets(RunbookProperties properties, DataSourceProperties worker) {
    properties.environments().forEach((env, settings) -> {
      SchemaMigrationProperties s = settings.schemaMigration();
      if (s == null) {
        return;
      }
      String url = s.database() != null ? s.database().url() : worker.determineUrl();
      String user = s.database() != null ? s.database().username() : worker.determineUsername();
      String password = s.database() != null ? s.database().password() : worker.determinePassword();
      Address a = parse(url);
      if (a == null) {
        throw new IllegalStateException("runbook.environments." + env + ".schema-migration: the target database URL "
            + url + " is not jdbc:postgresql://host[:port]/database");
      }
      PgTarget target = new PgTarget(a.host(), a.port(), a.database(), user, password, s.schemas());
      pg.put(env, target);
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setServerNames(new String[] {a.host()});
      ds.setPortNumbers(new int[] {a.port()});
      ds.setDatabaseName(a.database());
      ds.setUser(user);
      ds.setPassword(password);
      ds.setConnectTimeout(10);
      migration.put(env, new MigrationTarget(ds, s.schemas().get(0), s.migrations()));
      maintenance.put(env, s.maintenanceUrl() != null ? s.maintenanceUrl() : properties.sandboxUrl());
    });
  }

  /** Null when the URL is not a Postgres JDBC URL with a host and a database. */
  static Address parse(String url) {
    if (url == null || !url.startsWith("jdbc:postgresql://")) {
      return null;
    }
    Properties p = Driver.parseURL(url, null);
    if (p == null || p.getProperty("PGHOST") == null || p.getProperty("PGDBNAME") == null
        || p.getProperty("PGHOST").contains(",")) {
      return null;
    }
    return new Address(p.getProperty("PGHOST"), Integer.parseInt(p.getProperty("PGPORT", "5432")),
        p.getProperty("PGDBNAME"));
  }

  PgTarget pgTarget(String environment) {
    return require(pg, environment);
  }

  MigrationTarget migrationTarget(String environment) {
    return require(migration, environment);
  }

  /** Null when the environment has no schema-migration section (the activity then refuses). */
  URI maintenanceUrl(String environment) {
    return maintenance.get(environment);
  }

  private static <T> T require(Map<String, T> targets, String environment) {
    T t = targets.get(environment);
    if (t == null) {
      throw new IllegalArgumentException("environment '" + environment + "' has no schema-migration section"
          + " (runbook.environments." + environment + ".schema-migration) naming its target database");
    }
    return t;
  }
}
