package dev.runbook.workflows.schemamigration;

import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import dev.runbook.workflows.api.SchemaMigrationValidation;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.MigrationCheckRequest;
import dev.runbook.workflows.contract.MigrationPlan;
import dev.runbook.workflows.contract.SchemaMigrationActivities;
import dev.runbook.workflows.contract.SchemaMigrationPolicy;
import dev.runbook.workflows.contract.SchemaMigrationPolicyActivities;
import dev.runbook.workflows.contract.TargetPaths;
import dev.runbook.workflows.kit.Failures;
import dev.runbook.workflows.kit.Preemption;
import dev.runbook.workflows.kit.Refusals;
import dev.runbook.workflows.kit.RunbookActivities;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import io.temporal.failure.ActivityFailure;
import java.util.Set;

/**
 * See {@link SchemaMigrationWorkflow}. Everything before {@code run(...)} changes nothing: the
 * policy, the proceed-now rule, the release's service and its live version, the database's lock
 * and Flyway's check; a refusal there ends the run REFUSED (exit 64). The rest is {@link MigrationPath}.
 */
public class SchemaMigrationWorkflowImpl extends RunbookWorkflowBase implements SchemaMigrationWorkflow {

  @Override
  public RunbookResult migrate(SchemaMigrationRequest input) {
    // a Start Workflow form sent without input arrives as null: fail with the validation message
    SchemaMigrationRequest request = input != null ? input
        : new SchemaMigrationRequest(null, null, null, null, null, null, null, null);
    begin(Procedure.SCHEMA_MIGRATION, SchemaMigrationRequest.DATABASE, request.environment(), request.targetVersion(),
        request.requestedBy(), request.requestId(), null, SchemaMigrationValidation.problems(input), input);
    SchemaMigrationPolicy policy = policyOrRefuse(request.environment());
    usePolicy(policy.environment());
    // nothing here moves a platform slot: what is "live" at the end is the schema version
    recorder().liveStateFrom(() -> { });
    if (request.proceedsNow() && policy.environment().approval().manual() && !policy.nowOnRequest()) {
      throw recorder().refuse("proceedNow is for environments whose gates pass by themselves or whose"
          + " schema-migration section sets now-on-request (local); in "
          + request.environment() + " wait for the low-traffic window " + policy.window() + " or have an approver"
          + " send proceed-now: runbook promote " + ctx().workflowId() + " --as NAME", Refusal.INVALID_REQUEST);
    }
    String previousRelease = request.hasRelease() ? liveReleaseOrRefuse(request) : null;
    // a progress migration rewriting the table yields to the schema's owner; nothing pre-empts a migration
    singleFlight().take(TargetPaths.database(request.environment(), TargetPaths.PLATFORM_DB),
        Preemption.preempting(false, Set.of(Procedure.PROGRESS_MIGRATION.cliName()),
            "schema migration of the " + request.environment() + " database to " + request.targetVersion()));
    MigrationPlan plan = checkOrRefuse(request);
    MigrationPath path = new MigrationPath(ctx(), recorder(), childRuns(), policy, request, plan, previousRelease);
    return run(path::forward);
  }

  private SchemaMigrationPolicy policyOrRefuse(String environment) {
    try {
      return RunbookActivities.beforePolicy(SchemaMigrationPolicyActivities.class, "resolve schema-migration policy")
          .resolveSchemaMigrationPolicy(environment);
    } catch (ActivityFailure e) {
      throw recorder().refuse(Failures.rootMessage(e), Refusals.of(e, Refusal.UNKNOWN_ENVIRONMENT));
    }
  }

  /** The release's service must be deployable here; its live version is what a restore goes back to. */
  private String liveReleaseOrRefuse(SchemaMigrationRequest request) {
    EnvironmentPolicy service;
    try {
      service = RunbookActivities.policyResolver().resolvePolicy(Procedure.CODE_DEPLOY.cliName(),
          request.releaseService(), request.environment());
    } catch (ActivityFailure e) {
      throw recorder().refuse(Failures.rootMessage(e), Refusals.of(e, Refusal.UNKNOWN_SERVICE));
    }
    String live = ctx().activities().platform("describe " + request.releaseService())
        .describeService(service.platform(), request.releaseService(), request.environment()).liveVersion();
    tracker().log(request.releaseService() + " serves " + (live == null ? "nothing yet" : live) + "; "
        + request.releaseVersion() + " goes live with the schema");
    return live;
  }

  private MigrationPlan checkOrRefuse(SchemaMigrationRequest request) {
    var status = tracker();
    int step = status.addStep("Check " + request.targetVersion() + " against the applied migrations");
    status.phase(Phase.VALIDATING, "Flyway: target exists, above current, checksums match");
    status.stepRunning(step, "read-only");
    try {
      MigrationPlan plan = ctx().activities().step(SchemaMigrationActivities.class, "check the migration")
          .checkMigration(new MigrationCheckRequest(request.environment(), request.targetVersion()));
      status.stepState(step, StepState.SUCCEEDED, plan.schema() + " at Flyway version " + plan.currentVersion() + "; pending "
          + plan.pending().stream().map(MigrationPlan.PendingMigration::version).toList());
      return plan;
    } catch (ActivityFailure e) {
      status.failActiveStep(Failures.rootMessage(e));
      Refusal refusal = Refusals.of(e, null);
      if (refusal == null) {
        throw recorder().failBeforeStart(Failures.rootMessage(e) + "; nothing was changed", "DatabaseUnreachable");
      }
      throw recorder().refuse(Failures.rootMessage(e) + "; nothing was changed", refusal);
    }
  }
}
