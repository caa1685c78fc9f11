package dev.runbook.workflows.release;

import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.ReleaseRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.MaintenanceActivities;
import dev.runbook.workflows.contract.MaintenanceRequest;
import dev.runbook.workflows.contract.PhaseReport;
import dev.runbook.workflows.contract.Preparation;
import dev.runbook.workflows.contract.ReleasePolicy;
import dev.runbook.workflows.contract.ReleaseStep;
import dev.runbook.workflows.contract.SnapshotActivities;
import dev.runbook.workflows.contract.SnapshotRecord;
import dev.runbook.workflows.contract.SnapshotRequest;
import dev.runbook.workflows.contract.VerifyRequest;
import dev.runbook.workflows.kit.RollbackTrigger;
import dev.runbook.workflows.kit.StatusTracker;
import io.temporal.workflow.Workflow;

/**
 * The five phases of a release in one environment (seed 004), each a status step and each backed
 * by activities with a contract: preparation, pre-deployment (with the approval step where the
 * policy asks for one), deployment (child runs), verification (with the rollback test where the
 * policy asks for one) and post-deployment ({@link PostDeployment}).
 */
final class EnvironmentRelease {
  private final ReleaseKit kit;
  private final ReleaseChildren children;
  private final String env;
  private final ReleasePolicy policy;
  private final ReleaseStep step;
  private final int[] steps = new int[6];

  EnvironmentRelease(ReleaseKit kit, String env, ReleasePolicy policy) {
    this.kit = kit;
    this.children = new ReleaseChildren(kit);
    this.env = env;
    this.policy = policy;
    this.step = new ReleaseStep(kit.ctx.workflowId(), kit.service(), env, kit.version(), kit.request.migration());
  }

  /** Adds this environment's lines to the step tree (before anything runs, so the whole plan shows). */
  void plan() {
    StatusTracker status = kit.ctx.status();
    steps[0] = status.addStep(env + ": preparation");
    steps[1] = status.addStep(env + ": pre-deployment");
    steps[2] = policy.approval() ? status.addStep(env + ": approval") : -1;
    steps[3] = status.addStep(env + ": deployment (" + policy.strategy() + ")");
    steps[4] = status.addStep(env + ": verification" + (policy.rollbackTest() ? " + rollback test" : ""));
    steps[5] = status.addStep(env + ": post-deployment");
  }

  /** Runs the five phases; returns the live colour the deployment left (for the extended monitoring). */
  String run() {
    Preparation prep = prepare();
    preDeploy();
    if (policy.approval()) {
      approve();
    }
    RunbookResult deployed = deploy(prep);
    verify(prep);
    new PostDeployment(kit, env, policy, steps[5]).run(deployed);
    return deployed.liveColour();
  }

  private Preparation prepare() {
    begin(0, "preparation", Phase.VALIDATING, "checking the artefact and recording the previous release");
    Preparation prep = kit.step("prepare " + env).prepareRelease(step);
    String backup = "";
    if (kit.request.migration() != null) {
      SnapshotRecord snapshot = kit.ctx.activities().step(SnapshotActivities.class, "back up " + env)
          .snapshotDatabase(new SnapshotRequest(env, kit.ctx.workflowId(), Workflow.getInfo().getRunId()));
      backup = "; backup " + snapshot.file();
    }
    done(0, prep.artefact() + "; previous release " + (prep.previousVersion() == null ? "none"
        : prep.previousVersion() + " on " + prep.previousColour()) + backup);
    return prep;
  }

  private void preDeploy() {
    begin(1, "pre-deployment", Phase.VALIDATING, "database connectivity and resources");
    PhaseReport report = kit.step("pre-deployment checks in " + env).checkPreDeployment(step);
    report.checks().forEach(c -> kit.ctx.status().log(env + " pre-deployment: " + c.line()));
    if (!report.passed()) {
      throw new RollbackTrigger("pre-deployment", env + " pre-deployment failed: " + report.failures(), null);
    }
    String maintenance = "";
    if (policy.maintenance()) {
      MaintenanceActivities mode = kit.ctx.activities().step(MaintenanceActivities.class, "maintenance on in " + env);
      kit.ctx.compensations().add("maintenance off in " + env, () -> kit.ctx.activities()
          .undo(MaintenanceActivities.class, "maintenance off in " + env).disableMaintenance(env));
      mode.enableMaintenance(new MaintenanceRequest(env, "Releasing " + kit.service() + " " + kit.version()
          + ": back in a few minutes.", 300));
      maintenance = "; maintenance on";
    }
    done(1, report.checks().size() + " checks passed" + maintenance);
  }

  private void approve() {
    String label = "release " + kit.version() + " to " + env;
    kit.phase(env, "approval");
    kit.ctx.status().stepRunning(steps[2], "waiting for " + String.join(" or ", kit.ctx.policy().approval().approvers()));
    kit.waitingOn(String.join(",", kit.ctx.policy().approval().approvers()));
    kit.approvals.await(steps[2], label, "approval to " + label);
    kit.waitingOn(null);
    kit.ctx.status().stepState(steps[2], StepState.SUCCEEDED, "approved");
  }

  private RunbookResult deploy(Preparation prep) {
    begin(3, "deployment", Phase.DEPLOYING, "deploying " + kit.version() + " to " + env + " as child runs");
    if (kit.request.migration() != null) {
      children.migrate(env);
    }
    boolean testFollows = policy.rollbackTest() && prep.previousVersion() != null;
    // the redeploy of a rollback test carries the undo: only one of the two may roll back
    RunbookResult deployed = children.deploy(env, policy, testFollows ? null : undo(prep));
    int lessons = 0;
    for (ReleaseRequest.ReleaseLesson lesson : kit.request.lessons() == null
        ? java.util.List.<ReleaseRequest.ReleaseLesson>of() : kit.request.lessons()) {
      children.lesson(env, lesson);
      lessons++;
    }
    done(3, deployed.reason() + (lessons == 0 ? "" : "; " + lessons + " lesson file(s) published"));
    return deployed;
  }

  private void verify(Preparation prep) {
    begin(4, "verification", Phase.SMOKE_TESTING, "health checks, error log and performance of " + env);
    PhaseReport report = kit.step("verify " + env).verifyRelease(new VerifyRequest(step, policy.checks(),
        policy.maxErrorRatePercent(), policy.maxP95Millis()));
    report.checks().forEach(c -> kit.ctx.status().log(env + " verification: " + c.line()));
    if (!report.passed()) {
      throw new RollbackTrigger("verification", env + " verification failed: " + report.failures(), null);
    }
    String test = "";
    if (policy.rollbackTest()) {
      test = prep.previousVersion() == null ? "; no previous release: nothing to test a rollback to" : rollbackTest(prep);
    }
    done(4, report.checks().size() + " checks passed" + test);
  }

  /** Staging's rollback test: really back to the previous release, then the new one again, timed. */
  private String rollbackTest(Preparation prep) {
    long started = Workflow.currentTimeMillis();
    children.rollback(env, prep.previousVersion(), "rollback test of release " + kit.ctx.workflowId());
    long rolledBack = Workflow.currentTimeMillis();
    children.deploy(env, policy, undo(prep));
    long redeployed = Workflow.currentTimeMillis();
    String line = "rollback test: back to " + prep.previousVersion() + " in " + Durations.human((rolledBack - started) / 1000)
        + ", " + kit.version() + " again in " + Durations.human((redeployed - rolledBack) / 1000);
    kit.ctx.status().log(env + " " + line);
    return "; " + line;
  }

  /**
   * What undoes a finished deploy of this environment: a Rollback child to the previous release,
   * when this is the environment that failed or its policy rolls it back with a later one.
   */
  private Runnable undo(Preparation prep) {
    if (prep.previousVersion() == null) {
      return null;
    }
    return () -> {
      if (!env.equals(kit.environment()) && !policy.rollBackOnLaterFailure()) {
        kit.ctx.status().log(env + " keeps " + kit.version() + " (its policy does not roll back with a later environment)");
        return;
      }
      children.rollback(env, prep.previousVersion(), "release " + kit.ctx.workflowId() + " rolled back in "
          + kit.environment());
    };
  }

  private void begin(int i, String phase, Phase statusPhase, String details) {
    kit.phase(env, phase);
    kit.ctx.status().phase(statusPhase, env + " " + phase + ": " + details);
    kit.ctx.status().stepRunning(steps[i], details);
  }

  private void done(int i, String detail) {
    kit.ctx.status().stepState(steps[i], StepState.SUCCEEDED, detail);
  }
}
