package dev.runbook.worker.config;

import dev.runbook.workflows.contract.LowTrafficWindow;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Start-up checks of an environment's schema-migration section, each problem with its property
 * path. The migrations folder's existence is not checked here: a missing folder refuses the run
 * that needs it (MigrationsFolderMissing) and must not keep code deploys from starting.
 */
final class SchemaMigrationPropertiesCheck {
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private SchemaMigrationPropertiesCheck() {}

  static void check(String path, SchemaMigrationProperties s, RunbookProperties p, List<String> problems) {
    if (s.schemas() == null || s.schemas().isEmpty()) {
      problems.add(path + ".schemas: name the schemas the target owns, e.g. [platform]");
    } else {
      for (int i = 0; i < s.schemas().size(); i++) {
        String schema = s.schemas().get(i);
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
          // the names reach pg_dump -n and DROP SCHEMA: plain identifiers only
          problems.add(path + ".schemas[" + i + "] '" + schema + "' is not a plain lower-case identifier");
        } else if ("runbook".equals(schema)) {
          problems.add(path + ".schemas[" + i + "]: 'runbook' is the runbook's own schema (registry, audit,"
              + " write capture); a restore must never rewind it");
        }
      }
    }
    if (s.migrations() == null || s.migrations().toString().isBlank()) {
      problems.add(path + ".migrations: name the folder of the target's Flyway migrations, e.g. platform-migrations");
    }
    if (s.database() != null) {
      String url = s.database().url();
      if (url == null || SchemaMigrationTargets.parse(url) == null) {
        problems.add(path + ".database.url must be jdbc:postgresql://host[:port]/database, was '" + url + "'");
      }
      if (s.database().username() == null || s.database().username().isBlank()) {
        problems.add(path + ".database.username is required once database is set");
      }
    }
    if (s.window() == null) {
      problems.add(path + ".window: give opens and closes (HH:MM UTC)");
    } else {
      String why = window(s.window()).problem();
      if (why != null) {
        problems.add(path + ".window: " + why);
      }
      nonNegative(path + ".window.margin", s.window().margin(), problems);
    }
    if (s.maintenanceUrl() == null && p.sandboxUrl() == null) {
      problems.add(path + ".maintenance-url is required (the platform's admin API that switches maintenance mode)"
          + " unless runbook.sandbox-url is set");
    }
    positive(path + ".lock-timeout", s.lockTimeout(), problems);
    positive(path + ".watch", s.watch(), problems);
    if (s.migrateAttempts() < 1) {
      problems.add(path + ".migrate-attempts must be at least 1, was " + s.migrateAttempts());
    }
    for (int i = 0; i < s.validationQueries().size(); i++) {
      String q = s.validationQueries().get(i);
      if (q == null || q.isBlank()) {
        problems.add(path + ".validation-queries[" + i + "] is empty (one query answering one boolean row)");
      }
    }
  }

  /** The window as the workflow reads it. */
  static LowTrafficWindow window(SchemaMigrationProperties.WindowProperties w) {
    Long margin = w.margin() == null ? null : w.margin().toSeconds();
    return new LowTrafficWindow(w.opens(), w.closes(), margin);
  }

  private static void positive(String path, Duration d, List<String> problems) {
    if (d == null || d.isNegative() || d.isZero()) {
      problems.add(path + " must be a positive duration like 5s or 4h, was " + d);
    }
  }

  private static void nonNegative(String path, Duration d, List<String> problems) {
    if (d != null && d.isNegative()) {
      problems.add(path + " must not be negative, was " + d);
    }
  }
}
