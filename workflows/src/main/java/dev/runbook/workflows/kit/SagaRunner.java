package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.Severity;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a forward path in a scope that an abort cancels and turns whatever happens into an outcome:
 * on a rollback trigger, an abort or a failure the compensations run in reverse (detached, so an
 * abort cannot skip them); a compensation that fails makes the run FAILED ("rollback incomplete"),
 * since exit 2/3 would tell CI the previous release is back. Then the outcome is recorded.
 */
public final class SagaRunner {
  private final RunContext ctx;
  private final RunRecorder recorder;
  private String rollbackTrigger;
  private boolean rollbackIncomplete;

  public SagaRunner(RunContext ctx, RunRecorder recorder) {
    this.ctx = ctx;
    this.recorder = recorder;
  }

  /** Runs {@code forward} (which returns a one-line success summary) and returns the run's result. */
  public RunbookResult run(Supplier<String> forward) {
    ApprovalGate gate = ctx.gate();
    String[] summary = new String[1];
    Outcome outcome;
    String reason;
    if (gate.aborted()) {
      return finish(Outcome.ABORTED, "aborted before it started: " + gate.abortRecord().reason());
    }
    CancellationScope forwardScope = Workflow.newCancellationScope(() -> summary[0] = forward.get());
    ctx.scopes().forward(forwardScope);
    try {
      forwardScope.run();
      if (gate.aborted() && !ctx.compensations().isEmpty()) {
        throw new AbortedMeanwhile();
      }
      outcome = Outcome.SUCCEEDED;
      reason = summary[0];
    } catch (RollbackTrigger | TemporalFailure | AbortedMeanwhile e) {
      ctx.scopes().forward(null); // from here on an abort could change nothing: it is refused
      String trigger;
      Long breachStartedAt = null;
      if (gate.aborted()) {
        // An abort wins even over a rule that fired in the same workflow task.
        outcome = Outcome.ABORTED;
        reason = "aborted by " + gate.abortRecord().approver() + ": " + gate.abortRecord().reason();
        trigger = "abort";
      } else if (e instanceof RollbackTrigger t) {
        outcome = Outcome.ROLLED_BACK;
        reason = t.getMessage();
        trigger = t.trigger();
        breachStartedAt = t.breachStartedAtMillis();
      } else if (Failures.isCancellation(e)) {
        outcome = Outcome.ABORTED;
        reason = "cancelled through Temporal (not the abort signal): " + Failures.rootMessage(e);
        trigger = "cancel";
      } else {
        outcome = Outcome.FAILED;
        reason = Failures.rootMessage(e);
        trigger = "failure";
      }
      List<String> undoFailed = rollBack(reason, trigger, breachStartedAt);
      if (!undoFailed.isEmpty()) {
        outcome = Outcome.FAILED;
        reason = "rollback incomplete (" + String.join(", ", undoFailed) + " failed) after: " + reason;
        rollbackIncomplete = true;
      }
    } finally {
      ctx.scopes().forward(null);
    }
    return finish(outcome, reason);
  }

  /** The forward path finished, but an abort arrived meanwhile: abort still wins. */
  private static final class AbortedMeanwhile extends RuntimeException {
    AbortedMeanwhile() {
      super("aborted", null, false, false);
    }
  }

  /** Runs the compensations; returns the names of those that failed. */
  private List<String> rollBack(String reason, String trigger, Long breachStartedAtMillis) {
    StatusTracker status = ctx.status();
    rollbackTrigger = trigger;
    status.failActiveStep(reason);
    status.skipPending("skipped: " + reason);
    if (ctx.compensations().isEmpty()) {
      return List.of();
    }
    long startedAt = Workflow.currentTimeMillis();
    if (breachStartedAtMillis != null) {
      ctx.metrics().breachToRollback(Duration.ofMillis(Math.max(0, startedAt - breachStartedAtMillis)));
    }
    ctx.metrics().rolledBack(trigger);
    status.phase(Phase.ROLLING_BACK, "rolling back: " + reason);
    int step = status.addStep("Roll back (" + trigger + ")");
    status.stepRunning(step, "compensations in reverse order");
    List<String> failed = ctx.compensations().runAll((name, error) -> status.log((error == null ? "undone: "
        : "UNDO FAILED: ") + name + (error == null ? "" : " — " + Failures.rootMessage(error))));
    if (failed.isEmpty()) {
      status.stepState(step, StepState.ROLLED_BACK, "previous release serving all traffic");
    } else {
      status.stepState(step, StepState.FAILED, "failed: " + String.join(", ", failed));
      ctx.metrics().rollbackIncomplete();
      recorder.notify(Severity.PAGE, "rollback-incomplete",
          "rollback incomplete for " + ctx.service() + " in " + ctx.environment(),
          "compensations failed: " + String.join(", ", failed) + ". Manual action needed. Trigger: " + reason);
      if (Workflow.getVersion(INCIDENT_ON_INCOMPLETE_ROLLBACK, Workflow.DEFAULT_VERSION, 1) == 1) {
        recorder.openIncident(1, "rollback of " + ctx.header().version() + " incomplete: " + String.join(", ", failed)
            + " failed (trigger: " + reason + ")");
      }
    }
    return failed;
  }

  /** A rollback that could not complete opens (or joins) a sev-1 incident since this version. */
  static final String INCIDENT_ON_INCOMPLETE_ROLLBACK = "incident-on-incomplete-rollback";

  /**
   * Records the outcome. In a detached scope: a run cancelled through Temporal still writes its
   * registry rows, slots and report instead of having them cancelled with it.
   */
  private RunbookResult finish(Outcome outcome, String reason) {
    ctx.status().finish(outcome, reason);
    Workflow.upsertTypedSearchAttributes(SearchAttributeKeys.OUTCOME.valueSet(outcome.name()));
    Workflow.newDetachedCancellationScope(() -> {
      recorder.recordEnd(outcome, reason, rollbackTrigger, rollbackIncomplete);
      ctx.releaseTarget();
    }).run();
    ctx.metrics().finished(outcome.name());
    return result(outcome, reason);
  }

  /** What the workflow returns; CI gates on its outcome. */
  public RunbookResult result(Outcome outcome, String reason) {
    StatusTracker status = ctx.status();
    return new RunbookResult(ctx.workflowId(), ctx.procedure().cliName(), outcome, reason, ctx.service(),
        ctx.environment(), ctx.header().version(), status.liveVersion(), status.liveColour(), ctx.incidentReportId());
  }
}
