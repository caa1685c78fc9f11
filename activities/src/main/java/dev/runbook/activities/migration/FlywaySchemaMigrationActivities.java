package dev.runbook.activities.migration;

import dev.runbook.activities.snapshot.SnapshotActivitiesImpl;
import dev.runbook.lessons.platform.SchemaVersions;
import dev.runbook.workflows.contract.MigrateRequest;
import dev.runbook.workflows.contract.MigrationApplied;
import dev.runbook.workflows.contract.MigrationCheckRequest;
import dev.runbook.workflows.contract.MigrationPlan;
import dev.runbook.workflows.contract.MigrationRefusal;
import dev.runbook.workflows.contract.MigrationVerified;
import dev.runbook.workflows.contract.MigrationVerifyRequest;
import dev.runbook.workflows.contract.RehearsalRequest;
import dev.runbook.workflows.contract.RehearsalResult;
import dev.runbook.workflows.contract.SchemaMigrationActivities;
import dev.runbook.workflows.contract.ScratchRestoreRequest;
import dev.runbook.workflows.contract.ScratchRestoreResult;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Flyway over an environment's target schema and migrations folder (a filesystem folder, so the
 * migrations an operator ships are the ones checked). The check is read-only: it never creates the
 * schema or its history table.
 */
public final class FlywaySchemaMigrationActivities implements SchemaMigrationActivities {
  private final MigrationTargets targets;
  private final SnapshotActivitiesImpl snapshots;

  /** @param snapshots restores the copies rehearsals run on (null: this instance only checks) */
  public FlywaySchemaMigrationActivities(MigrationTargets targets, SnapshotActivitiesImpl snapshots) {
    this.targets = targets;
    this.snapshots = snapshots;
  }

  @Override
  public RehearsalResult rehearseMigration(RehearsalRequest request) {
    if (request == null || request.snapshot() == null || snapshots == null) {
      throw refuse(MigrationRefusal.UNKNOWN_TARGET, "rehearseMigration needs the run's snapshot and a target version");
    }
    MigrationPlan plan = checkMigration(new MigrationCheckRequest(request.snapshot().environment(),
        request.targetVersion()));
    MigrationTarget target = targets.target(request.snapshot().environment());
    List<String> applied = new ArrayList<>();
    ScratchRestoreResult copy = snapshots.restoreToScratch(
        new ScratchRestoreRequest(request.snapshot(), request.validationQueries()), dataSource -> {
          try {
            MigrateResult result = flyway(target, dataSource).target(plan.targetVersion()).load().migrate();
            result.migrations.forEach(m -> applied.add(m.version));
          } catch (FlywayException e) {
            throw refuse(MigrationRefusal.REHEARSAL_FAILED, "migrating the rehearsal copy of " + target.schema()
                + " from " + plan.currentVersion() + " to " + plan.targetVersion() + " failed (the live database is"
                + " untouched): " + e.getMessage());
          }
        });
    return new RehearsalResult(copy.scratchDatabase(), plan.currentVersion(), plan.targetVersion(), applied,
        copy.restoreMillis(), copy.workMillis() == null ? 0 : copy.workMillis(), copy.totalMillis(),
        copy.validationsPassed());
  }

  @Override
  public MigrationPlan checkMigration(MigrationCheckRequest request) {
    if (request == null || request.environment() == null || request.targetVersion() == null
        || request.targetVersion().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure("checkMigration needs environment and targetVersion (e.g. 1.1)",
          MigrationRefusal.UNKNOWN_TARGET.failureType());
    }
    MigrationTarget target;
    try {
      target = targets.target(request.environment());
    } catch (IllegalArgumentException e) {
      throw refuse(MigrationRefusal.UNKNOWN_TARGET, e.getMessage());
    }
    if (target.migrations() == null || !Files.isDirectory(target.migrations())) {
      throw refuse(MigrationRefusal.MIGRATIONS_FOLDER_MISSING, "the migrations folder " + target.migrations()
          + " of " + request.environment() + " does not exist; nothing was changed");
    }
    reachable(target, request.environment());
    // a release name such as 1.1 (schema-versions.properties beside the files) or a Flyway version
    MigrationVersion wanted = version(SchemaVersions.in(target.migrations()).flywayVersion(request.targetVersion()));
    Flyway flyway = flyway(target, target.dataSource()).ignoreMigrationPatterns("*:pending").load();
    try {
      MigrationInfoService info = flyway.info();
      List<MigrationInfo> resolved = Arrays.stream(info.all())
          .filter(m -> m.getVersion() != null && m.getScript() != null).toList();
      if (resolved.stream().noneMatch(m -> m.getVersion().equals(wanted))) {
        throw refuse(MigrationRefusal.UNKNOWN_TARGET, "no migration has version " + wanted + " in "
            + target.migrations() + "; known: " + resolved.stream().map(m -> m.getVersion().getVersion())
            .distinct().collect(Collectors.joining(", ")));
      }
      MigrationInfo current = info.current();
      if (current != null && current.getVersion() != null && wanted.compareTo(current.getVersion()) <= 0) {
        throw refuse(MigrationRefusal.TARGET_NOT_ABOVE_CURRENT, target.schema() + " is at version "
            + current.getVersion() + "; the target " + wanted + " must be above it (a lower version is reached"
            + " by restoring a snapshot, not by migrating)");
      }
      validate(flyway.validateWithResult(), target);
      List<MigrationPlan.PendingMigration> pending = Arrays.stream(info.pending())
          .filter(m -> m.getVersion() != null && m.getVersion().compareTo(wanted) <= 0)
          .map(m -> new MigrationPlan.PendingMigration(m.getVersion().getVersion(), m.getDescription(), m.getScript()))
          .toList();
      return new MigrationPlan(target.schema(), current == null || current.getVersion() == null ? null
          : current.getVersion().getVersion(), wanted.getVersion(), pending);
    } catch (FlywayException e) {
      throw refuse(MigrationRefusal.MIGRATIONS_INVALID, "Flyway cannot read the migrations of " + target.schema()
          + " in " + target.migrations() + ": " + e.getMessage());
    }
  }

  @Override
  public MigrationApplied migrateDatabase(MigrateRequest request) {
    if (request == null || request.lockTimeoutSeconds() <= 0) {
      throw refuse(MigrationRefusal.UNKNOWN_TARGET, "migrateDatabase needs environment, targetVersion and a"
          + " positive lockTimeoutSeconds");
    }
    MigrationTarget target = targetOf(request.environment());
    MigrationVersion wanted = version(SchemaVersions.in(target.migrations()).flywayVersion(request.targetVersion()));
    MigrationInfo current = flyway(target, target.dataSource()).load().info().current();
    if (current != null && current.getVersion() != null && wanted.compareTo(current.getVersion()) <= 0) {
      // a retry after the migration committed (a lost worker, a timed-out attempt): nothing left to do
      return new MigrationApplied(current.getVersion().getVersion(), current.getVersion().getVersion(), List.of(), 0);
    }
    MigrationPlan plan = checkMigration(new MigrationCheckRequest(request.environment(), request.targetVersion()));
    long started = System.currentTimeMillis();
    try {
      MigrateResult result = flyway(target, target.dataSource())
          .initSql("SET lock_timeout = '" + request.lockTimeoutSeconds() + "s'")
          .target(plan.targetVersion()).load().migrate();
      List<String> applied = result.migrations.stream().map(m -> m.version).toList();
      return new MigrationApplied(plan.currentVersion(), plan.targetVersion(), applied,
          System.currentTimeMillis() - started);
    } catch (FlywayException e) {
      if (lockNotAvailable(e)) {
        throw ApplicationFailure.newFailureWithCause("migrating " + target.schema() + " to " + plan.targetVersion()
            + " waited more than " + request.lockTimeoutSeconds() + " s for a lock; the file was rolled back and"
            + " is tried again", LOCK_TIMEOUT, e);
      }
      throw ApplicationFailure.newNonRetryableFailure("migrating " + target.schema() + " from "
          + plan.currentVersion() + " to " + plan.targetVersion() + " failed and the failing file was rolled back: "
          + e.getMessage(), MIGRATION_FAILED);
    }
  }

  @Override
  public MigrationVerified verifyDatabase(MigrationVerifyRequest request) {
    if (request == null || request.targetVersion() == null) {
      throw refuse(MigrationRefusal.UNKNOWN_TARGET, "verifyDatabase needs environment and targetVersion");
    }
    MigrationTarget target = targetOf(request.environment());
    reachable(target, request.environment());
    MigrationVersion wanted = version(SchemaVersions.in(target.migrations()).flywayVersion(request.targetVersion()));
    MigrationInfo current = flyway(target, target.dataSource()).load().info().current();
    MigrationVersion at = current == null ? null : current.getVersion();
    if (!wanted.equals(at)) {
      throw ApplicationFailure.newNonRetryableFailure(target.schema() + " is at Flyway version " + at + " after the"
          + " migration, not at " + wanted + " (" + request.targetVersion() + ")", VERIFY_FAILED);
    }
    int passed = LiveQueries.check(target.dataSource(),
        request.validationQueries() == null ? List.of() : request.validationQueries());
    return new MigrationVerified(target.schema(), request.targetVersion() + " (Flyway " + at + ")", passed);
  }

  /** Postgres's lock_not_available (55P03) anywhere in the cause chain. */
  private static boolean lockNotAvailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private MigrationTarget targetOf(String environment) {
    try {
      return targets.target(environment);
    } catch (IllegalArgumentException e) {
      throw refuse(MigrationRefusal.UNKNOWN_TARGET, e.getMessage());
    }
  }

  private static void validate(ValidateResult result, MigrationTarget target) {
    if (result.validationSuccessful) {
      return;
    }
    for (ValidateOutput bad : result.invalidMigrations) {
      var code = bad.errorDetails == null ? null : bad.errorDetails.errorCode;
      if (code == CoreErrorCode.CHECKSUM_MISMATCH || code == CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED
          || code == CoreErrorCode.DESCRIPTION_MISMATCH || code == CoreErrorCode.TYPE_MISMATCH) {
        throw refuse(MigrationRefusal.APPLIED_MIGRATION_CHANGED, "applied migration " + bad.version + " ("
            + bad.description + ") of " + target.schema() + " no longer matches " + target.migrations() + ": "
            + bad.errorDetails.errorMessage + ". Never edit an applied migration: restore the file and add a new one");
      }
    }
    throw refuse(MigrationRefusal.MIGRATIONS_INVALID, "Flyway validate failed for " + target.schema() + ": "
        + result.getAllErrorMessages());
  }

  private static FluentConfiguration flyway(MigrationTarget target, DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(target.schema())
        .defaultSchema(target.schema())
        .createSchemas(false)
        .locations("filesystem:" + target.migrations().toAbsolutePath());
  }

  private static MigrationVersion version(String text) {
    try {
      if (!text.matches("\\d+([._]\\d+)*")) {
        throw new FlywayException("not a version");
      }
      return MigrationVersion.fromVersion(text);
    } catch (FlywayException e) {
      throw refuse(MigrationRefusal.UNKNOWN_TARGET, "'" + text + "' is not a migration version such as 1.1");
    }
  }

  private static void reachable(MigrationTarget target, String environment) {
    try (Connection c = target.dataSource().getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw ApplicationFailure.newFailureWithCause("the target database of " + environment
          + " cannot be reached: " + e.getMessage(), MigrationRefusal.DATABASE_UNREACHABLE, e);
    }
  }

  private static ApplicationFailure refuse(MigrationRefusal refusal, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, refusal.failureType());
  }
}
