package dev.runbook.workflows.incident;

import dev.runbook.workflows.api.IncidentSeverity;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.kit.Failures;
import dev.runbook.workflows.kit.RunContext;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;

/**
 * What an incident does by itself at open, by severity (seed 002), alongside the paging: a sev 1
 * aborts the service's running code or emergency deploy (its saga rolls it back); a sev 2 assesses
 * what is running; a sev 3 only notifies. Every outcome is an action in the report.
 */
final class SeverityActions {
  private final RunContext ctx;
  private final IncidentFile file;

  SeverityActions(RunContext ctx, IncidentFile file) {
    this.ctx = ctx;
    this.file = file;
  }

  /** Starts the actions; they run while escalation pages. */
  void start() {
    IncidentSeverity severity = file.severity();
    if (severity == IncidentSeverity.SEV3) {
      file.action("notify the team channel and monitor until resolved");
      return;
    }
    for (Procedure p : new Procedure[] {Procedure.CODE_DEPLOY, Procedure.EMERGENCY_DEPLOY}) {
      String id = p.workflowId(ctx.service(), ctx.environment());
      if (id.equals(file.opening().source())) {
        file.action("roll back " + id + ": it opened this incident after its own rollback");
        continue;
      }
      // in parallel with the paging: nobody waits for a rollback to be paged
      Async.procedure(severity == IncidentSeverity.SEV1 ? () -> rollBack(id) : () -> assess(id));
    }
  }

  private void rollBack(String deployId) {
    try {
      String ended = ctx.activities().runControl("roll back " + deployId).abortRunAndWait(deployId,
          file.opening().requestedBy(), "sev-1 incident " + ctx.workflowId() + ": " + file.opening().summary());
      file.action(ended == null ? "roll back " + deployId + ": no deploy running"
          : "roll back " + deployId + ": aborted, it ended " + ended);
    } catch (ActivityFailure e) {
      file.action("roll back " + deployId + " failed: " + Failures.rootMessage(e));
    }
  }

  private void assess(String deployId) {
    try {
      String running = ctx.activities().runControl("assess " + deployId).describeRunning(deployId);
      file.action("assess " + deployId + ": " + (running == null ? "no deploy running" : "running: " + running));
    } catch (ActivityFailure e) {
      file.action("assess " + deployId + " failed: " + Failures.rootMessage(e));
    }
  }
}
