package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.ChildRunView;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state behind the {@code status} query, kept by the workflow thread. Every change
 * also refreshes the Temporal UI's "current details" so operators see the same picture there.
 */
public final class StatusTracker {
  private static final int MAX_LOG = 200;

  private RunHeader header;
  private Phase phase = Phase.STARTING;
  private Integer currentStep;
  private final List<StepView> steps = new ArrayList<>();
  private final Map<String, Integer> weights = new LinkedHashMap<>();
  private String stableColour;
  private String canaryColour;
  private String liveColour;
  private String liveVersion;
  private List<RuleObservation> observations = List.of();
  private String waitingFor;
  private List<String> allowedApprovers = List.of();
  private final List<ApprovalRecord> approvals = new ArrayList<>();
  private final List<LogEntry> log = new ArrayList<>();
  private Outcome outcome;
  private String outcomeReason;
  private long updatedAtMillis;
  private List<ChildRunView> children;
  private Runnable onMilestone;
  private String lastMilestone;

  public void start(RunHeader runHeader) {
    this.header = runHeader;
    touch();
  }

  /** The version a run is about, once known (a lesson update learns it from the lesson file). */
  public void version(String newVersion) {
    this.header = header.withVersion(newVersion);
    touch();
  }

  /** Who asked for what; null until the workflow method began. */
  public RunHeader header() {
    return header;
  }

  public RunbookStatus snapshot() {
    RunHeader h = header != null ? header : new RunHeader(null, null, null, null, null, null, null, null, null, 0);
    return new RunbookStatus(h.procedure(), h.workflowId(), h.service(), h.environment(), h.version(),
        h.requestedBy(), h.requestId(), h.reason(), phase, currentStep == null ? null : currentStep + 1,
        List.copyOf(steps), Map.copyOf(weights), stableColour, canaryColour, liveColour, liveVersion, observations,
        waitingFor, allowedApprovers, List.copyOf(approvals), List.copyOf(log), outcome, outcomeReason,
        h.startedAtMillis(), updatedAtMillis, children == null ? null : List.copyOf(children));
  }

  /** The child runs to show (a parent run's status); null when the run has none. */
  public void children(List<ChildRunView> latest) {
    this.children = latest == null ? null : List.copyOf(latest);
    touch();
  }

  /**
   * Called on the workflow thread whenever phase, what the run waits for or its outcome changed (a
   * child run tells its parent). Only runs that install it do anything more than before.
   */
  public void onMilestone(Runnable listener) {
    this.onMilestone = listener;
  }

  public Phase phase() {
    return phase;
  }

  public String requestedBy() {
    return header == null ? null : header.requestedBy();
  }

  public String workflowId() {
    return header == null ? null : header.workflowId();
  }

  public String waitingFor() {
    return waitingFor;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String liveVersion() {
    return liveVersion;
  }

  public String liveColour() {
    return liveColour;
  }

  public List<RuleObservation> observations() {
    return observations;
  }

  public List<LogEntry> log() {
    return List.copyOf(log);
  }

  public void phase(Phase newPhase, String details) {
    this.phase = newPhase;
    if (newPhase != Phase.AWAITING_APPROVAL && newPhase != Phase.WATCHING) {
      this.waitingFor = null;
    }
    log(details);
  }

  public void log(String message) {
    if (message == null) {
      return;
    }
    log.add(new LogEntry(Workflow.currentTimeMillis(), message));
    if (log.size() > MAX_LOG) {
      log.remove(0);
    }
    touch();
  }

  /** Adds a line to the step tree and returns its index. */
  public int addStep(String name) {
    steps.add(new StepView(name, StepState.PENDING, null, null, null));
    touch();
    return steps.size() - 1;
  }

  public void stepRunning(int index, String detail) {
    StepView s = steps.get(index);
    steps.set(index, new StepView(s.name(), StepState.RUNNING, detail, Workflow.currentTimeMillis(), null));
    currentStep = index;
    touch();
  }

  public void stepState(int index, StepState state, String detail) {
    StepView s = steps.get(index);
    boolean ended = state != StepState.RUNNING && state != StepState.WAITING && state != StepState.PENDING;
    steps.set(index, s.with(state, detail, ended ? Long.valueOf(Workflow.currentTimeMillis()) : null));
    touch();
  }

  /** Marks every step still pending as skipped (after a rollback, abort or full promotion). */
  public void skipPending(String detail) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).state() == StepState.PENDING) {
        stepState(i, StepState.SKIPPED, detail);
      }
    }
  }

  /** Marks the step that was running or waiting as failed (the one a rollback interrupted). */
  public void failActiveStep(String detail) {
    for (int i = 0; i < steps.size(); i++) {
      StepState s = steps.get(i).state();
      if (s == StepState.RUNNING || s == StepState.WAITING) {
        stepState(i, StepState.FAILED, detail);
      }
    }
  }

  public void colours(String stable, String canary) {
    this.stableColour = stable;
    this.canaryColour = canary;
    touch();
  }

  public void weights(String colour, int weight, String otherColour) {
    weights.put(colour, weight);
    if (otherColour != null) {
      weights.put(otherColour, 100 - weight);
    }
    touch();
  }

  public void live(String colour, String liveVersion) {
    this.liveColour = colour;
    this.liveVersion = liveVersion;
    touch();
  }

  public void observations(List<RuleObservation> latest) {
    this.observations = latest == null ? List.of() : List.copyOf(latest);
    touch();
  }

  public void waitingFor(String what, List<String> approvers) {
    this.waitingFor = what;
    this.allowedApprovers = approvers == null ? List.of() : List.copyOf(approvers);
    touch();
  }

  public void approval(ApprovalRecord record) {
    approvals.add(record);
    touch();
  }

  public List<ApprovalRecord> approvals() {
    return List.copyOf(approvals);
  }

  public void finish(Outcome finalOutcome, String why) {
    this.outcome = finalOutcome;
    this.outcomeReason = why;
    this.phase = Phase.DONE;
    this.waitingFor = null;
    log(finalOutcome + ": " + why);
  }

  private void touch() {
    updatedAtMillis = Workflow.currentTimeMillis();
    Workflow.setCurrentDetails(currentDetailsMarkdown());
    if (onMilestone != null) {
      String milestone = phase + "|" + waitingFor + "|" + outcome;
      if (!milestone.equals(lastMilestone)) {
        lastMilestone = milestone;
        onMilestone.run();
      }
    }
  }

  /** What the Temporal UI shows under "Current details". */
  private String currentDetailsMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("**").append(phase).append("**");
    if (header != null && header.service() != null) {
      md.append(" · ").append(header.service()).append(" ").append(header.version() == null ? "" : header.version())
          .append(" → ").append(header.environment());
    }
    if (!weights.isEmpty()) {
      md.append("\n\ntraffic: ");
      weights.forEach((c, w) -> md.append(c).append(' ').append(w).append("%  "));
    }
    if (waitingFor != null) {
      md.append("\n\nwaiting for: ").append(waitingFor);
      if (!allowedApprovers.isEmpty()) {
        md.append(" (may act: ").append(String.join(", ", allowedApprovers)).append(')');
      }
    }
    if (outcome != null) {
      md.append("\n\noutcome: **").append(outcome).append("** — ").append(outcomeReason);
    }
    for (StepView s : steps) {
      md.append("\n- ").append(s.state().icon()).append(' ').append(s.name());
      if (s.detail() != null) {
        md.append(" — ").append(s.detail());
      }
    }
    return md.toString();
  }
}
