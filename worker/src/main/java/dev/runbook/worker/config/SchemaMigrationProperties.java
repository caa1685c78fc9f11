package dev.runbook.worker.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The schema-migration section of an environment ({@code runbook.environments.<env>.schema-migration}):
 * the target database and the schemas it owns (the only ones a snapshot dumps and a restore
 * replaces), the folder of its Flyway migrations, the daily low-traffic window, where maintenance
 * mode is switched, and the migration's own knobs. Checked at start-up by
 * {@link SchemaMigrationPropertiesCheck}.
 *
 * @param database the target database; null: the worker's own (locally the embedded Postgres whose
 *     {@code platform} schema {@code runbook dev} deploys)
 * @param schemas the schemas the target owns; the first holds Flyway's history table
 * @param migrations the folder of {@code V<n>__<what>.sql} files, relative to the worker's directory
 * @param maintenanceUrl the platform's admin API that switches maintenance mode; null: runbook.sandbox-url
 * @param lockTimeout Postgres {@code lock_timeout} of each migration statement: a migration waiting
 *     behind a long transaction gives up and is retried instead of queueing every learner behind it
 * @param migrateAttempts how many times a migration that timed out on a lock is tried
 * @param watch how long the watch after maintenance is off lasts (seed 000: 4h in production)
 * @param validationQueries one boolean row each, run on the rehearsal copy and after the live migration
 * @param nowOnRequest the requester's {@code --now} skips the window although the environment's
 *     gates are manual (runbook dev's local); elsewhere an approver sends proceed-now
 */
public record SchemaMigrationProperties(
    LessonDatabaseProperties database,
    @DefaultValue("platform") List<String> schemas,
    @DefaultValue("platform-migrations") Path migrations,
    @DefaultValue WindowProperties window,
    URI maintenanceUrl,
    @DefaultValue("5s") Duration lockTimeout,
    @DefaultValue("3") int migrateAttempts,
    @DefaultValue("4h") Duration watch,
    List<String> validationQueries,
    @DefaultValue("false") boolean nowOnRequest) {

  public SchemaMigrationProperties {
    validationQueries = validationQueries == null ? List.of() : List.copyOf(validationQueries);
  }

  /** The daily low-traffic window in UTC (seed 000: 02:00-04:00), and the slack added to an estimate. */
  public record WindowProperties(
      @DefaultValue("02:00") String opens,
      @DefaultValue("04:00") String closes,
      @DefaultValue("10m") Duration margin) {}
}
