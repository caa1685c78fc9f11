package dev.runbook.workflows.release;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.ReleaseRequest;
import dev.runbook.workflows.api.RollbackRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import dev.runbook.workflows.contract.ReleasePolicy;
import dev.runbook.workflows.kit.ChildRuns;
import dev.runbook.workflows.kit.RollbackTrigger;

/**
 * The child runs of a release's deployment phase, each started through the procedure registry
 * under its business key so it is the same run anyone else would start: the schema migration the
 * release names, the code deploy of the strategy the environment's policy names, a LessonUpdate
 * per lesson file, and the rollback test's rollback and redeploy. A child that does not succeed
 * fails the release in that environment.
 */
final class ReleaseChildren {
  private final ReleaseKit kit;

  ReleaseChildren(ReleaseKit kit) {
    this.kit = kit;
  }

  /**
   * The code deploy of {@code policy.strategy()}; once it succeeded, a rollback of the release in
   * this environment runs {@code undo}. Blue-green is a CodeDeploy; another strategy plugs in here.
   */
  RunbookResult deploy(String env, ReleasePolicy policy, Runnable undo) {
    if (!ReleasePolicy.BLUE_GREEN.equals(policy.strategy())) {
      throw new RollbackTrigger("strategy", env + ": strategy '" + policy.strategy() + "' is not one this worker runs "
          + "(" + ReleasePolicy.BLUE_GREEN + ")", null);
    }
    ReleaseRequest r = kit.request;
    return await(Procedure.CODE_DEPLOY, Procedure.CODE_DEPLOY.workflowId(r.service(), env),
        new CodeDeployRequest(r.service(), env, r.version(), r.requestedBy(), null, r.reason()), undo);
  }

  /** Rolls {@code env} back to {@code toVersion} as a Rollback child (the rollback test, or an undo). */
  RunbookResult rollback(String env, String toVersion, String why) {
    ReleaseRequest r = kit.request;
    return await(Procedure.ROLLBACK, Procedure.ROLLBACK.workflowId(r.service(), env),
        new RollbackRequest(r.service(), env, toVersion, why, r.requestedBy(), null), null);
  }

  /** Publishes one lesson file of the release in {@code env}. */
  RunbookResult lesson(String env, ReleaseRequest.ReleaseLesson lesson) {
    return await(Procedure.LESSON_UPDATE, Procedure.LESSON_UPDATE.workflowId(lesson.lessonId(), env),
        new LessonUpdateRequest(lesson.lessonId(), lesson.lessonFile(), lesson.lessonYaml(), env,
            kit.request.requestedBy(), null), null);
  }

  /**
   * The schema migration the release names, as the SchemaMigration procedure's own run under its
   * business key (one migration per database at a time, whoever starts it).
   */
  RunbookResult migrate(String env) {
    // production keeps its low-traffic window; dev and staging migrate at once
    SchemaMigrationRequest input = new SchemaMigrationRequest(env, kit.request.migration(), null, null, null,
        "production".equals(env) ? null : true, kit.request.requestedBy(), kit.request.requestId());
    return await(Procedure.SCHEMA_MIGRATION, Procedure.SCHEMA_MIGRATION.workflowId(input), input, null);
  }

  private RunbookResult await(Procedure procedure, String workflowId, Object input, Runnable undo) {
    ChildRuns.ChildRun child = kit.children.start(procedure.workflowType(), procedure.cliName(), workflowId, input, undo);
    kit.waitingOn(workflowId);
    RunbookResult result = child.await();
    kit.waitingOn(null);
    if (result.outcome() != Outcome.SUCCEEDED) {
      throw new RollbackTrigger("child", kit.environment() + ": child " + workflowId + " ended " + result.outcome()
          + (result.reason() == null ? "" : ": " + result.reason()), null);
    }
    return result;
  }
}
