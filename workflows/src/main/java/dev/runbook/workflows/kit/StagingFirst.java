package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.contract.StagingFirstActivities;
import dev.runbook.workflows.contract.StagingVerdict;
import io.temporal.workflow.Workflow;

/**
 * "Always deploy to staging first": a run that changes an environment whose policy requires a
 * prior success elsewhere is REFUSED (NotStaged) before anything moves, unless the request
 * carries a reason (then the waiver is logged). Emergency deploys are not checked: they carry a
 * reason by definition. Runs started before the rule replay without the check.
 */
public final class StagingFirst {
  static final String STAGING_FIRST = "staging-first";

  private final RunContext ctx;
  private final RunRecorder recorder;

  public StagingFirst(RunContext ctx, RunRecorder recorder) {
    this.ctx = ctx;
    this.recorder = recorder;
  }

  public void require(String version, String reason) {
    if (Workflow.getVersion(STAGING_FIRST, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return;
    }
    StagingVerdict verdict = RunbookActivities.beforePolicy(StagingFirstActivities.class, "staging first?")
        .checkStaged(ctx.service(), ctx.environment(), version);
    if (!verdict.refuses()) {
      return;
    }
    if (reason == null || reason.isBlank()) {
      throw recorder.refuse(ctx.service() + " " + version + " has not succeeded in " + verdict.requiredIn()
          + " yet (" + verdict.detail() + "): always deploy to " + verdict.requiredIn() + " first, or give a reason",
          Refusal.NOT_STAGED);
    }
    ctx.status().log("not yet successful in " + verdict.requiredIn() + " (" + verdict.detail() + "); deployed anyway: "
        + reason);
  }
}
