package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.contract.GateNotice;
import dev.runbook.workflows.contract.IncidentReport;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.RegistryActivities;
import dev.runbook.workflows.contract.RunRecord;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.Severity;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * A run's bookkeeping: the registry's start and end rows, the approvals audit, the incident
 * report, notifications and what is live at the end. Bookkeeping must not decide a deploy: a
 * failed write is logged in the run and the run goes on.
 */
public final class RunRecorder {
  /** Aborted runs write an incident report since this version. */
  static final String INCIDENT_REPORT_ON_ABORT = "incident-report-on-abort";

  private final RunContext ctx;
  private LiveState liveState = this::platformSlots;
  private boolean startRecorded;

  public RunRecorder(RunContext ctx) {
    this.ctx = ctx;
  }

  /** Replaces how the end state is read (procedures that move no platform slots). */
  public void liveStateFrom(LiveState strategy) {
    this.liveState = strategy;
  }

  public void recordStart() {
    startRecorded = true;
    guarded("record run start", () -> ctx.activities().registry().recordRunStarted(
        new RunRecord(ctx.header())));
  }

  /** Records the outcome: approvals, what is live, an incident report when something was undone, the end row. */
  void recordEnd(Outcome outcome, String reason, String rollbackTrigger, boolean rollbackIncomplete) {
    saveApprovals();
    liveState.record();
    boolean reportAbort = outcome == Outcome.ABORTED && rollbackTrigger != null
        && Workflow.getVersion(INCIDENT_REPORT_ON_ABORT, Workflow.DEFAULT_VERSION, 1) == 1;
    if (outcome == Outcome.ROLLED_BACK || rollbackIncomplete || reportAbort) {
      writeIncidentReport((outcome == Outcome.ABORTED ? "" : "automatic rollback: ") + rollbackTrigger, reason);
      notify(rollbackIncomplete ? Severity.PAGE : Severity.WARNING, "run-ended:" + outcome.name().toLowerCase(java.util.Locale.ROOT),
          ctx.service() + " " + ctx.header().version()
          + " " + outcome.name().toLowerCase().replace('_', ' ') + " in " + ctx.environment(), reason);
    }
    guarded("record run end", () -> ctx.activities().registry().recordRunFinished(ctx.workflowId(),
        Workflow.getInfo().getRunId(), outcome, reason, ctx.status().liveVersion()));
  }

  /** The default {@link LiveState}: the service's slots, read from the platform. */
  public void platformSlots() {
    guarded("record slots", () -> {
      ServiceState state = ctx.activities().platform("describe " + ctx.service())
          .describeService(ctx.policy().platform(), ctx.service(), ctx.environment());
      ctx.status().live(state.liveColour(), state.liveVersion());
      ctx.activities().registry().recordSlots(state);
    });
  }

  /** A report on a run that moved from the requested version back to what is live now. */
  public String writeIncidentReport(String trigger, String reason) {
    return writeIncidentReport(trigger, reason, ctx.header().version(), ctx.status().liveVersion());
  }

  /** A report on a move from {@code fromVersion} (what was live) to {@code toVersion}. */
  public String writeIncidentReport(String trigger, String reason, String fromVersion, String toVersion) {
    String[] id = new String[1];
    guarded("write incident report", () -> id[0] = ctx.activities().registry().writeIncidentReport(
        new IncidentReport(ctx.header(), fromVersion, toVersion, trigger, reason, ctx.status().observations(),
            ctx.status().log(), Workflow.currentTimeMillis())));
    if (id[0] != null) {
      ctx.incidentReportId(id[0]);
      ctx.status().log("incident report " + id[0] + " written");
    }
    return id[0];
  }

  /**
   * Ends the run REFUSED, non-retryably, before anything moved: bad input, a target held by
   * another run, a policy refusal. The refusal travels as the failure's type, so the CLI exits 64
   * without reading the message; the run is still in the registry (even before a policy is known,
   * so `runbook list` shows it) and counted in {@code runbook_runs_total{outcome="REFUSED"}}. Runs
   * refused before this existed ended FAILED and were recorded only once a policy was known.
   */
  public RuntimeException refuse(String message, Refusal refusal) {
    if (Workflow.getVersion(REFUSED_OUTCOME, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return failBeforeStart(message, refusal.failureType());
    }
    ctx.status().finish(Outcome.REFUSED, message);
    Workflow.upsertTypedSearchAttributes(SearchAttributeKeys.OUTCOME.valueSet(Outcome.REFUSED.name()));
    Workflow.newDetachedCancellationScope(() -> {
      RegistryActivities registry = RunbookActivities.registryStub();
      bookkeeping("record refused run", () -> {
        if (!startRecorded) {
          registry.recordRunStarted(new RunRecord(RefusedRuns.clipped(ctx.header())));
        }
        registry.recordRunFinished(ctx.workflowId(), Workflow.getInfo().getRunId(), Outcome.REFUSED,
            RefusedRuns.clip(message, 2_000), null);
      });
      ctx.releaseTarget();
    }).run();
    (ctx.metrics() != null ? ctx.metrics() : RunMetrics.beforePolicy(ctx.procedure().cliName()))
        .finished(Outcome.REFUSED.name());
    throw ApplicationFailure.newNonRetryableFailure(message, refusal.failureType());
  }

  /**
   * Ends the run FAILED, non-retryably, before anything moved, for a cause that is not the
   * request's (a lock store that stays unreachable): start it again later.
   */
  public RuntimeException failBeforeStart(String message, String type) {
    ctx.status().finish(Outcome.FAILED, message);
    Workflow.upsertTypedSearchAttributes(SearchAttributeKeys.OUTCOME.valueSet(Outcome.FAILED.name()));
    if (ctx.activities() != null) {
      guarded("record run end", () -> ctx.activities().registry().recordRunFinished(ctx.workflowId(),
          Workflow.getInfo().getRunId(), Outcome.FAILED, message, null));
    }
    Workflow.newDetachedCancellationScope(ctx::releaseTarget).run();
    throw ApplicationFailure.newNonRetryableFailure(message, type);
  }

  /** Refused runs end REFUSED and are recorded before a policy is known since this version. */
  static final String REFUSED_OUTCOME = "refused-outcome";

  /**
   * Writes approvals taken by the handlers to the registry (handlers cannot wait for activities),
   * in a detached scope: an abort arriving meanwhile must not cancel the audit trail.
   */
  public void saveApprovals() {
    List<ApprovalRecord> unsaved = ctx.gate().takeUnsaved();
    if (unsaved.isEmpty()) {
      return;
    }
    Workflow.newDetachedCancellationScope(() -> {
      for (ApprovalRecord record : unsaved) {
        guarded("record approval", () -> ctx.activities().registry().recordApproval(ctx.workflowId(),
            Workflow.getInfo().getRunId(), record));
      }
    }).run();
  }

  /**
   * @param event what happened, unique within the run: receivers dedupe repeated deliveries by
   *     run id + event
   */
  public void notify(Severity severity, String event, String title, String body) {
    notify(severity, event, title, body, null);
  }

  /** A notification that asks a person to pass {@code gate}: it carries the commands to do so. */
  public void notify(Severity severity, String event, String title, String body, GateNotice gate) {
    guarded("notify", () -> ctx.activities().notifier().notify(new Notification(severity, title, body,
        ctx.service(), ctx.environment(), ctx.workflowId(), event, gate, null)));
  }

  /**
   * Opens (or joins) the incident of this run's service and environment, this run as its source:
   * the incident does not roll this run back again. In the requester's name when it is a person's.
   */
  public void openIncident(int severity, String summary) {
    String requester = ctx.header().requestedBy();
    // an incident's summary is at most 500 characters (499 and an ellipsis): a longer one would be refused
    IncidentRequest request = new IncidentRequest(severity, ctx.service(), ctx.environment(),
        RefusedRuns.clip(summary, 499),
        RequestValidation.isIdentity(requester) ? requester : "runbook", Workflow.getInfo().getRunId(),
        ctx.workflowId(), null);
    guarded("open incident", () -> {
      IncidentJoin join = ctx.activities().incidents().openIncident(request);
      ctx.status().log((join.joined() ? "joined incident " : "opened incident ") + join.workflowId());
    });
  }

  /** Bookkeeping must not decide a deploy: a failure is logged in the run and the run goes on. */
  public void guarded(String what, Runnable action) {
    if (ctx.activities() == null) {
      return;
    }
    bookkeeping(what, action);
  }

  private void bookkeeping(String what, Runnable action) {
    try {
      action.run();
    } catch (ActivityFailure e) {
      ctx.status().log(what + " failed: " + Failures.rootMessage(e));
    }
  }
}
