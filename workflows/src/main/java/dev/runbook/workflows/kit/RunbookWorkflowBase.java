package dev.runbook.workflows.kit;

import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.RunRecord;
import dev.runbook.workflows.contract.WatchVerdict;
import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.contract.IncidentReport;
import dev.runbook.workflows.contract.ServiceState;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.api.StepState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The life cycle every runbook shares: validate the request, resolve the environment policy, run
 * the forward steps in a cancellable scope, and on a rollback trigger, an abort or a failure run
 * the compensations; then record the outcome (status, search attribute, registry, metrics). With
 * the handlers of {@link RunbookHandlers}, each procedure only writes its forward steps.
 */
public abstract class RunbookWorkflowBase extends RunbookHandlers {
  protected EnvironmentPolicy policy;
  protected RunbookActivities activities;
  protected RunMetrics metrics;
  private Procedure procedure;
  private String service;
  private String environment;
  private String requestedVersion;
  private String incidentReportId;
  private String rollbackTrigger;
  private boolean rollbackIncomplete;

  // ---- life cycle -----------------------------------------------------------------------------

  /** Records who asked for what; fails fast and non-retryably on a malformed request. */
  protected final void begin(Procedure proc, String svc, String env, String version, String requestedBy,
      String requestId, String reason, List<String> problems) {
    this.procedure = proc;
    this.service = svc;
    this.environment = env;
    this.requestedVersion = version;
    status.start(proc.cliName(), svc, env, version, requestedBy, requestId, reason);
    status.log("requested by " + (requestedBy == null ? "unknown" : requestedBy));
    if (!problems.isEmpty()) {
      failFast("invalid request: " + String.join("; ", problems));
    }
    Workflow.upsertTypedSearchAttributes(
        SearchAttributeKeys.SERVICE.valueSet(svc), SearchAttributeKeys.ENVIRONMENT.valueSet(env),
        SearchAttributeKeys.VERSION.valueSet(version == null ? "standby" : version),
        SearchAttributeKeys.PROCEDURE.valueSet(proc.cliName()));
  }

  /** Resolves the environment policy; an unknown environment or service fails the run fast. */
  protected final void loadPolicy() {
    EnvironmentPolicy resolved = null;
    try {
      resolved = RunbookActivities.policyResolver().resolvePolicy(procedure.cliName(), service, environment);
    } catch (ActivityFailure e) {
      failFast(rootMessage(e));
    }
    usePolicy(resolved);
  }

  /** Installs a policy (resolved by {@link #loadPolicy} or by the procedure itself) and records the run's start. */
  protected final void usePolicy(EnvironmentPolicy resolved) {
    policy = resolved;
    gate.policy(policy.approval());
    activities = new RunbookActivities(policy);
    metrics = new RunMetrics(procedure.cliName(), environment);
    guarded("record run start", () -> activities.registry().recordRunStarted(new RunRecord(
        status.workflowId(), Workflow.getInfo().getRunId(), procedure.cliName(), service, environment,
        requestedVersion, status.requestedBy(), status.snapshot().requestId(), status.snapshot().reason(),
        status.snapshot().startedAtMillis())));
  }

  /**
   * Business keys differ per procedure (deploy:, emergency:, rollback:), so Temporal alone cannot
   * stop a code deploy from starting while an emergency deploy or a rollback of the same service
   * and environment runs: refuse it here, before anything moves. Added after the first release of
   * the workflows, hence behind a version marker.
   */
  protected final void refuseWhileRunning(Procedure... others) {
    if (Workflow.getVersion(SINGLE_FLIGHT_ACROSS_PROCEDURES, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return;
    }
    for (Procedure other : others) {
      String id = other.workflowId(service, environment);
      String running = activities.runControl("check " + id).describeRunning(id);
      if (running != null) {
        failFast(service + " in " + environment + " is being changed by " + id + " (" + running
            + "); start again when it has finished", "RunInProgress");
      }
    }
  }

  static final String SINGLE_FLIGHT_ACROSS_PROCEDURES = "single-flight-across-procedures";

  /**
   * Runs {@code forward} (which returns a one-line success summary) in a scope that an abort
   * cancels, and turns whatever happens into an outcome.
   */
  protected final RunbookResult run(Supplier<String> forward) {
    String[] summary = new String[1];
    Outcome outcome;
    String reason;
    if (gate.aborted()) {
      return finish(Outcome.ABORTED, "aborted before it started: " + gate.abortRecord().reason());
    }
    forwardScope = Workflow.newCancellationScope(() -> summary[0] = forward.get());
    try {
      forwardScope.run();
      if (gate.aborted() && !compensations.isEmpty()) {
        throw new AbortedMeanwhile();
      }
      outcome = Outcome.SUCCEEDED;
      reason = summary[0];
    } catch (RollbackTrigger | TemporalFailure | AbortedMeanwhile e) {
      forwardScope = null; // from here on an abort could change nothing: it is refused
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
      } else if (isCancellation(e)) {
        outcome = Outcome.ABORTED;
        reason = "cancelled through Temporal (not the abort signal): " + rootMessage(e);
        trigger = "cancel";
      } else {
        outcome = Outcome.FAILED;
        reason = rootMessage(e);
        trigger = "failure";
      }
      List<String> undoFailed = rollBack(reason, trigger, breachStartedAt);
      if (!undoFailed.isEmpty()) {
        // Exit 2/3 would tell CI the previous release is back; it may not be.
        outcome = Outcome.FAILED;
        reason = "rollback incomplete (" + String.join(", ", undoFailed) + " failed) after: " + reason;
        rollbackIncomplete = true;
      }
    } finally {
      forwardScope = null;
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
    rollbackTrigger = trigger;
    status.failActiveStep(reason);
    status.skipPending("skipped: " + reason);
    if (compensations.isEmpty()) {
      return List.of();
    }
    long startedAt = Workflow.currentTimeMillis();
    if (breachStartedAtMillis != null) {
      metrics.breachToRollback(Duration.ofMillis(Math.max(0, startedAt - breachStartedAtMillis)));
    }
    metrics.rolledBack(trigger);
    status.phase(Phase.ROLLING_BACK, "rolling back: " + reason);
    int step = status.addStep("Roll back (" + trigger + ")");
    status.stepRunning(step, "compensations in reverse order");
    List<String> failed = compensations.runAll((name, error) ->
        status.log((error == null ? "undone: " : "UNDO FAILED: ") + name + (error == null ? "" : " — " + rootMessage(error))));
    if (failed.isEmpty()) {
      status.stepState(step, StepState.ROLLED_BACK, "previous release serving all traffic");
    } else {
      status.stepState(step, StepState.FAILED, "failed: " + String.join(", ", failed));
      notify(Severity.PAGE, "rollback incomplete for " + service + " in " + environment,
          "compensations failed: " + String.join(", ", failed) + ". Manual action needed. Trigger: " + reason);
    }
    return failed;
  }

  /**
   * Records the outcome. In a detached scope: a run cancelled through Temporal still writes its
   * registry rows, slots and report instead of having them cancelled with it.
   */
  private RunbookResult finish(Outcome outcome, String reason) {
    status.finish(outcome, reason);
    Workflow.upsertTypedSearchAttributes(SearchAttributeKeys.OUTCOME.valueSet(outcome.name()));
    Workflow.newDetachedCancellationScope(() -> record(outcome, reason)).run();
    metrics.finished(outcome.name());
    return result(outcome, reason);
  }

  private void record(Outcome outcome, String reason) {
    saveApprovals();
    recordLive();
    boolean reportAbort = outcome == Outcome.ABORTED && rollbackTrigger != null
        && Workflow.getVersion(INCIDENT_REPORT_ON_ABORT, Workflow.DEFAULT_VERSION, 1) == 1;
    if (outcome == Outcome.ROLLED_BACK || rollbackIncomplete || reportAbort) {
      writeIncidentReport((outcome == Outcome.ABORTED ? "" : "automatic rollback: ") + rollbackTrigger, reason);
      notify(rollbackIncomplete ? Severity.PAGE : Severity.WARNING, service + " " + requestedVersion + " "
          + outcome.name().toLowerCase().replace('_', ' ') + " in " + environment, reason);
    }
    guarded("record run end", () -> activities.registry().recordRunFinished(status.workflowId(),
        Workflow.getInfo().getRunId(), outcome, reason, status.liveVersion()));
  }

  /**
   * Reads what is live at the end and keeps it in the status and the registry. Procedures that do
   * not move platform slots (lesson updates) record what they serve instead.
   */
  protected void recordLive() {
    guarded("record slots", () -> {
      ServiceState state = activities.platform("describe " + service).describeService(policy.platform(), service, environment);
      status.live(state.liveColour(), state.liveVersion());
      activities.registry().recordSlots(state);
    });
  }

  /** Aborted runs write an incident report since this version. */
  static final String INCIDENT_REPORT_ON_ABORT = "incident-report-on-abort";

  /** The version a run is about, once known after the start (a lesson update reads it from the file). */
  protected final void announceVersion(String version) {
    requestedVersion = version;
    status.version(version);
    Workflow.upsertTypedSearchAttributes(SearchAttributeKeys.VERSION.valueSet(version));
  }

  protected final RunbookResult result(Outcome outcome, String reason) {
    return new RunbookResult(status.workflowId(), procedure.cliName(), outcome, reason, service, environment,
        requestedVersion, status.liveVersion(), status.liveColour(), incidentReportId);
  }

  /** A report on a run that moved from the requested version back to what is live now. */
  protected final String writeIncidentReport(String trigger, String reason) {
    return writeIncidentReport(trigger, reason, requestedVersion, status.liveVersion());
  }

  /** A report on a move from {@code fromVersion} (what was live) to {@code toVersion}. */
  protected final String writeIncidentReport(String trigger, String reason, String fromVersion, String toVersion) {
    String[] id = new String[1];
    guarded("write incident report", () -> id[0] = activities.registry().writeIncidentReport(new IncidentReport(
        status.workflowId(), Workflow.getInfo().getRunId(), procedure.cliName(), service, environment,
        fromVersion, toVersion, trigger, reason, status.requestedBy(), status.observations(),
        status.log(), Workflow.currentTimeMillis())));
    if (id[0] != null) {
      incidentReportId = id[0];
      status.log("incident report " + id[0] + " written");
    }
    return id[0];
  }

  private void failFast(String message) {
    failFast(message, "InvalidRequest");
  }

  /** Ends the run FAILED, non-retryably, before anything changed: bad input a person must fix. */
  protected final void failFast(String message, String type) {
    status.finish(Outcome.FAILED, message);
    Workflow.upsertTypedSearchAttributes(SearchAttributeKeys.OUTCOME.valueSet(Outcome.FAILED.name()));
    if (activities != null) {
      guarded("record run end", () -> activities.registry().recordRunFinished(status.workflowId(),
          Workflow.getInfo().getRunId(), Outcome.FAILED, message, null));
    }
    throw ApplicationFailure.newNonRetryableFailure(message, type);
  }

  /**
   * Writes approvals taken by the handlers to the registry (handlers cannot wait for activities),
   * in a detached scope: an abort arriving meanwhile must not cancel the audit trail.
   */
  protected final void saveApprovals() {
    List<ApprovalRecord> unsaved = gate.takeUnsaved();
    if (unsaved.isEmpty()) {
      return;
    }
    Workflow.newDetachedCancellationScope(() -> {
      for (ApprovalRecord record : unsaved) {
        guarded("record approval", () -> activities.registry().recordApproval(status.workflowId(),
            Workflow.getInfo().getRunId(), record));
      }
    }).run();
  }

  protected final void notify(Severity severity, String title, String body) {
    guarded("notify", () -> activities.notifier().notify(
        new Notification(severity, title, body, service, environment, status.workflowId())));
  }

  /** Bookkeeping must not decide a deploy: a failure is logged in the run and the run goes on. */
  protected final void guarded(String what, Runnable action) {
    if (activities == null) {
      return;
    }
    try {
      action.run();
    } catch (ActivityFailure e) {
      status.log(what + " failed: " + rootMessage(e));
    }
  }

  // ---- steps shared by the procedures ---------------------------------------------------------

  /**
   * Runs the policy's rollout steps: move to each weight, watch it, and pass its gate (a manual
   * gate, or an inconclusive window, waits for a promote; {@code promote --full} skips the
   * intermediate steps). {@code target} is watched against its stable baseline; after the last
   * step there is no baseline left.
   *
   * @param stepIndex the status step of each rollout step
   */
  protected final void rollOut(int[] stepIndex, ServiceTarget target, StepAction action) {
    List<RolloutStep> steps = policy.steps();
    for (int i = 0; i < steps.size(); i++) {
      RolloutStep step = steps.get(i);
      int index = stepIndex[i];
      boolean last = i == steps.size() - 1;
      if (gate.fullPromotion() && !last) {
        status.stepState(index, StepState.SKIPPED, "skipped by promote --full");
        continue;
      }
      status.stepRunning(index, action.describe(step));
      action.apply(step, last);
      ServiceTarget watched = last ? new ServiceTarget(target.colour(), target.version(), null) : target;
      String label = action.label(step);
      WatchVerdict verdict = step.watchSeconds() > 0 ? watch(index, label, watched, step.watchSeconds()) : null;
      boolean inconclusive = verdict != null && verdict.result() == WatchResult.INCONCLUSIVE;
      if (inconclusive || (!last && step.gate() && policy.approval().manual())) {
        awaitApproval(index, label, inconclusive
            ? "metrics inconclusive, a person decides: " + verdict.reason()
            : label + " healthy; waiting for promotion", inconclusive);
      }
      status.stepState(index, StepState.SUCCEEDED, stepSummary(verdict, index));
    }
  }

  private String stepSummary(WatchVerdict verdict, int index) {
    if (gate.promotion(index) != null) {
      return "promoted by " + gate.promotion(index).approver();
    }
    return verdict == null ? "done" : verdict.reason();
  }

  /**
   * Watches {@code label} for {@code windowSeconds}: throws {@link RollbackTrigger} when a rule
   * fires, returns the verdict otherwise, or null when an approver promoted during the window.
   */
  protected final WatchVerdict watch(int step, String label, ServiceTarget target, long windowSeconds) {
    status.phase(Phase.WATCHING, "watching " + label + " for " + Durations.human(windowSeconds));
    gate.open(step, label);
    status.waitingFor("the watch window of " + label + " (" + Durations.human(windowSeconds)
        + "); a promote ends it early", policy.approval().approvers());
    WatchRequest request = new WatchRequest(status.workflowId(), service, environment, policy.platform(),
        target.colour(), target.version(), target.stableColour(), label, windowSeconds, policy.pollSeconds(),
        Math.max(3 * policy.pollSeconds(), 30), rulesFor(target));
    WatchVerdict[] verdict = new WatchVerdict[1];
    watchScope = Workflow.newCancellationScope(() ->
        verdict[0] = activities.watch(request, "watch " + label).watchRollout(request));
    try {
      watchScope.run();
    } catch (ActivityFailure | CanceledFailure e) {
      if (gate.promoted(step) && !gate.aborted() && isCancellation(e)) {
        status.log("watch of " + label + " ended early by promotion");
        return null;
      }
      throw e;
    } finally {
      watchScope = null;
    }
    status.observations(verdict[0].observations());
    if (verdict[0].result() == WatchResult.ROLLBACK) {
      throw new RollbackTrigger(verdict[0].rule(), verdict[0].reason(), verdict[0].breachStartedAtMillis());
    }
    status.log(label + ": " + verdict[0].result().name().toLowerCase() + " — " + verdict[0].reason());
    return verdict[0];
  }

  /**
   * Relative rules compare with the stable colour; once the stable colour carries no traffic
   * (cutover, emergency deploy) there is no baseline, so they do not apply.
   */
  private List<WatchRule> rulesFor(ServiceTarget target) {
    if (target.stableColour() != null) {
      return policy.rules();
    }
    return policy.rules().stream().filter(r -> !r.relativeToStable()).toList();
  }

  /**
   * Holds until step {@code step} is promoted (or a full promotion arrives). Applies the
   * environment's timeout policy: remind and hold, or roll back.
   */
  protected final void awaitApproval(int step, String label, String why) {
    awaitApproval(step, label, why, false);
  }

  /**
   * @param personMustDecide the window was inconclusive: only a promote of this very step passes
   *     it, an earlier {@code --full} does not (bad metric data never promotes by itself)
   */
  protected final void awaitApproval(int step, String label, String why, boolean personMustDecide) {
    if (gate.promoted(step) || (!personMustDecide && gate.fullPromotion())) {
      gate.close();
      return;
    }
    ApprovalPolicy approval = policy.approval();
    gate.open(step, label);
    status.phase(Phase.AWAITING_APPROVAL, why);
    status.stepState(step, StepState.WAITING, why);
    status.waitingFor("promote of step " + (step + 1) + " (" + label + ")", approval.approvers());
    notify(Severity.INFO, service + " waits for approval in " + environment,
        why + ". Promote with: runbook promote " + status.workflowId() + " --as NAME");
    long startedAt = Workflow.currentTimeMillis();
    long deadline = startedAt + approval.timeoutSeconds() * 1000L;
    while (true) {
      long now = Workflow.currentTimeMillis();
      long waitMillis = now < deadline ? deadline - now : Math.max(1, approval.remindEverySeconds()) * 1000L;
      boolean decided = Workflow.await(Duration.ofMillis(waitMillis),
          () -> gate.promoted(step) || (!personMustDecide && gate.fullPromotion()));
      if (decided) {
        break;
      }
      if (approval.onTimeout() == ApprovalTimeoutAction.ROLLBACK) {
        throw new RollbackTrigger("approval-timeout",
            "nobody promoted step " + (step + 1) + " (" + label + ") within " + Durations.human(approval.timeoutSeconds()), null);
      }
      notify(Severity.WARNING, "reminder: " + service + " still waits for approval in " + environment,
          "waiting " + Durations.human((Workflow.currentTimeMillis() - startedAt) / 1000) + " for " + label
              + ". Allowed: " + String.join(", ", approval.approvers()));
    }
    metrics.approvalWait(Duration.ofMillis(Workflow.currentTimeMillis() - startedAt));
    gate.close();
    saveApprovals();
  }

  private static boolean isCancellation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CanceledFailure) {
        return true;
      }
    }
    return false;
  }

  protected static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String message = t instanceof ApplicationFailure af ? af.getOriginalMessage() : t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }

  protected final String service() {
    return service;
  }

  protected final String environment() {
    return environment;
  }
}
