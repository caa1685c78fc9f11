package dev.runbook.workflows.progressmigration;

import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.ProgressMigrationRequest;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.contract.TargetPaths;
import dev.runbook.workflows.kit.Failures;
import dev.runbook.workflows.kit.Preemption;
import dev.runbook.workflows.kit.Refusals;
import dev.runbook.workflows.kit.RunbookActivities;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import dev.runbook.workflows.kit.StatusTracker;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * See {@link ProgressMigrationWorkflow}. Nothing to compensate: a migrated document is a valid
 * document of the current schema that every reader understands, and the pass is idempotent, so an
 * aborted or failed run is simply started again and skips what is done.
 */
public class ProgressMigrationWorkflowImpl extends RunbookWorkflowBase implements ProgressMigrationWorkflow {
  /** Non-retryable: a document no registered step reads; a person must look at it. */
  public static final String DOCUMENT_UNREADABLE = "ProgressDocumentUnreadable";
  static final String PROGRESS_LOST = "ProgressLost";

  @Override
  public RunbookResult migrate(ProgressMigrationRequest input) {
    // a Start Workflow form sent without input arrives as null: fail with the validation message
    ProgressMigrationRequest request = input != null ? input : new ProgressMigrationRequest(null, null, null, null);
    begin(Procedure.PROGRESS_MIGRATION, ProgressMigrationRequest.TABLE, request.environment(), null,
        request.requestedBy(), request.requestId(), null, RequestValidation.progressMigration(input), input);
    StatusTracker status = tracker();
    int countStep = status.addStep("Count documents, XP and completions");
    status.phase(Phase.VALIDATING, "reading the progress store of " + request.environment());
    status.stepRunning(countStep, "census before the first batch");
    ProgressMigrationPlan plan = planOrRefuse(request.environment());
    announceVersion(plan.targetSchemaVersion());
    usePolicy(plan.policy());
    status.stepState(countStep, StepState.SUCCEEDED, plan.before().toString());
    plan.steps().forEach(step -> status.log("registered step " + step));
    // a schema migration or restore of the database may pre-empt it: every batch is idempotent
    singleFlight().take(TargetPaths.table(request.environment(), ProgressMigrationRequest.TABLE), Preemption.yielding());
    return run(() -> migrateAll(request, plan));
  }

  private String migrateAll(ProgressMigrationRequest request, ProgressMigrationPlan plan) {
    StatusTracker status = tracker();
    int batchSize = request.effectiveBatchSize();
    int migrateStep = status.addStep("Migrate documents to schema " + plan.targetSchemaVersion()
        + " in batches of " + batchSize);
    int checkStep = status.addStep("Check counts and XP");
    if (plan.before().behind() == 0) {
      status.log("every document is already on schema " + plan.targetSchemaVersion() + "; one pass checks it");
    }
    status.phase(Phase.MIGRATING, plan.before().behind() + " document(s) behind, batches of " + batchSize);
    status.stepRunning(migrateStep, plan.before().behind() + " of " + plan.before().documents() + " behind");
    String runKey = Workflow.getInfo().getWorkflowId() + "/" + Workflow.getInfo().getRunId();
    ProgressMigrationReport report = migrator(plan).migrateProgressDocuments(
        new ProgressMigrationTask(request.environment(), runKey, batchSize));
    status.stepState(migrateStep, StepState.SUCCEEDED, report.toString());

    status.phase(Phase.VALIDATING, "census after the last batch");
    status.stepRunning(checkStep, "documents, XP and completions never go down");
    ProgressCensus after = readOnly(ProgressMigrationActivities.class, "census after").countProgress(request.environment());
    String loss = after.lossSince(plan.before());
    if (loss != null) {
      recorder().notify(Severity.PAGE, "progress-lost", "progress migration of " + request.environment()
          + " needs a person", loss + " (before: " + plan.before() + "; after: " + after + ")");
      throw ApplicationFailure.newNonRetryableFailure("progress check failed: " + loss, PROGRESS_LOST);
    }
    status.stepState(checkStep, StepState.SUCCEEDED, "before " + plan.before() + "; after " + after);
    return after.documents() + " documents on schema " + plan.targetSchemaVersion() + " (" + report
        + "); XP " + plan.before().totalXp() + " → " + after.totalXp() + ", nothing lost";
  }

  private ProgressMigrationPlan planOrRefuse(String environment) {
    try {
      return readOnly(ProgressMigrationActivities.class, "plan the progress migration").planProgressMigration(environment);
    } catch (ActivityFailure e) {
      tracker().failActiveStep(Failures.rootMessage(e));
      Refusal refusal = Refusals.of(e, null);
      if (refusal == null) {
        throw recorder().failBeforeStart(Failures.rootMessage(e), "ProgressStoreUnavailable");
      }
      throw recorder().refuse(Failures.rootMessage(e), refusal);
    }
  }

  private static <T> T readOnly(Class<T> activities, String summary) {
    return RunbookActivities.beforePolicy(activities, summary);
  }

  /**
   * The pass: one long activity whose heartbeats carry its checkpoint, so a worker that dies is
   * noticed after one heartbeat timeout and the next attempt resumes after the last batch. An
   * abort waits for the batch in flight to roll back or commit (WAIT_CANCELLATION_COMPLETED).
   */
  private static ProgressMigrationActivities migrator(ProgressMigrationPlan plan) {
    return Workflow.newActivityStub(ProgressMigrationActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(12))
        .setHeartbeatTimeout(Duration.ofSeconds(Math.max(5, plan.policy().heartbeatTimeoutSeconds())))
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
            .setMaximumInterval(Duration.ofSeconds(30)).setMaximumAttempts(20)
            .setDoNotRetry(DOCUMENT_UNREADABLE).build())
        .setSummary("migrate progress documents").build());
  }
}
