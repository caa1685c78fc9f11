package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.contract.ReleaseCheck;
import io.temporal.workflow.Workflow;

/**
 * Asks the platform whether it has the release before anything moves, so a version it does not
 * have is refused (CLI exit 64) instead of failing at its deploy step with a rollback behind it. A
 * platform that cannot tell answers UNKNOWN and the deploy decides, as before this check existed.
 */
public final class ReleaseGuard {
  static final String CHECK_RELEASE = "check-release";

  private final RunContext ctx;
  private final RunRecorder recorder;

  public ReleaseGuard(RunContext ctx, RunRecorder recorder) {
    this.ctx = ctx;
    this.recorder = recorder;
  }

  /** Ends the run REFUSED (UnknownVersion) when the platform says it has no {@code version}. */
  public void require(String version) {
    if (version == null
        || Workflow.getVersion(CHECK_RELEASE, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return;
    }
    ReleaseCheck check = ctx.activities().platform("check release " + version)
        .checkRelease(ctx.policy().platform(), ctx.service(), ctx.environment(), version);
    if (check.missing()) {
      throw recorder.refuse(ctx.service() + " in " + ctx.environment() + " has no release " + version
          + (check.detail() == null ? "" : " (" + check.detail() + ")"), Refusal.UNKNOWN_VERSION);
    }
    if (check.availability() == ReleaseCheck.Availability.UNKNOWN) {
      ctx.status().log("platform cannot tell whether it has " + version + "; the deploy step decides");
    }
  }
}
