package dev.runbook.activities.progress;

import dev.runbook.activities.lessons.LessonEnvironments;
import dev.runbook.activities.support.Heartbeats;
import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.workflows.api.ProgressMigrationRequest;
import dev.runbook.workflows.progressmigration.ProgressCensus;
import dev.runbook.workflows.progressmigration.ProgressMigrationActivities;
import dev.runbook.workflows.progressmigration.ProgressMigrationPlan;
import dev.runbook.workflows.progressmigration.ProgressMigrationReport;
import dev.runbook.workflows.progressmigration.ProgressMigrationTask;
import dev.runbook.workflows.progressmigration.ProgressMigrationWorkflowImpl;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ProgressMigrationActivities} over each environment's progress store (its lesson-store
 * database, table {@code platform.user_progress}), with the document steps of {@code
 * ProgressMigrations}. SQL errors are retryable ({@value #STORE_UNAVAILABLE}): the pass resumes.
 */
public class ProgressMigrationActivitiesImpl implements ProgressMigrationActivities {
  public static final String STORE_UNAVAILABLE = "ProgressStoreUnavailable";
  private static final Logger log = LoggerFactory.getLogger(ProgressMigrationActivitiesImpl.class);

  private final LessonEnvironments environments;
  private final ProgressMigrations migrations;

  public ProgressMigrationActivitiesImpl(LessonEnvironments environments, ProgressMigrations migrations) {
    this.environments = environments;
    this.migrations = migrations;
  }

  @Override
  public ProgressMigrationPlan planProgressMigration(String environment) {
    DataSource store = environments.progressStore(environment);
    List<String> steps = migrations.knownVersions().stream().filter(v -> !v.equals(migrations.currentVersion()))
        .map(v -> v + " → " + migrations.currentVersion()).toList();
    return new ProgressMigrationPlan(environments.progressPolicy(environment, ProgressMigrationRequest.TABLE),
        migrations.currentVersion(), steps, census(store, environment));
  }

  @Override
  public ProgressCensus countProgress(String environment) {
    return census(environments.progressStore(environment), environment);
  }

  @Override
  public ProgressMigrationReport migrateProgressDocuments(ProgressMigrationTask task) {
    if (task == null || task.runKey() == null || task.runKey().isBlank() || task.batchSize() < 1) {
      throw ApplicationFailure.newNonRetryableFailure("a migration task needs a run key and a positive batch size: "
          + task, "InvalidRequest");
    }
    DataSource store = environments.progressStore(task.environment());
    ProgressCheckpoint from = Heartbeats.context()
        .flatMap(ctx -> ctx.getHeartbeatDetails(ProgressCheckpoint.class)).orElse(ProgressCheckpoint.START);
    if (from.batches() > 0) {
      log.info("progress migration {} resumes after batch {} ({})", task.runKey(), from.batches(), from.lastUserId());
    }
    try {
      return new ProgressPass(store, migrations, ProgressPass::beat).run(task, from);
    } catch (ProgressBatch.Unreadable e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage() + "; the batches before it stay migrated,"
          + " fix or remove this document and start the migration again", ProgressMigrationWorkflowImpl.DOCUMENT_UNREADABLE);
    } catch (SQLException e) {
      throw ApplicationFailure.newFailure("progress store of " + task.environment() + " failed (SQLSTATE "
          + e.getSQLState() + "): " + e.getMessage() + "; the pass resumes after its last batch", STORE_UNAVAILABLE);
    }
  }

  private ProgressCensus census(DataSource store, String environment) {
    try (Connection c = store.getConnection()) {
      return ProgressCensusQuery.take(c, migrations.currentVersion());
    } catch (SQLException e) {
      throw ApplicationFailure.newFailure("cannot count the progress store of " + environment + " (SQLSTATE "
          + e.getSQLState() + "): " + e.getMessage(), STORE_UNAVAILABLE);
    }
  }
}
