package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Answer of the {@code status} query, the same record for every runbook: where the run is, what
 * traffic each colour has, what the watch saw last, what it waits for and who may act, the step
 * log, and the outcome once it has one. Times are epoch millis of workflow time.
 *
 * <p>The run header (procedure ... reason, startedAtMillis) stays flat in the JSON the CLI and
 * scripts read; {@link #header()} gives it as one {@link RunHeader}. {@code currentStep} is a step
 * number counted from 1, like {@code waitingFor} ("promote of step 3") and {@link ApprovalRecord#step()}:
 * {@code steps().get(currentStep - 1)} is the step running or waiting. {@code children} lists the
 * child runs of a parent run (null when it has none).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunbookStatus(
    String procedure,
    String workflowId,
    String service,
    String environment,
    String version,
    String requestedBy,
    String requestId,
    String reason,
    Phase phase,
    Integer currentStep,
    List<StepView> steps,
    Map<String, Integer> weights,
    String stableColour,
    String canaryColour,
    String liveColour,
    String liveVersion,
    List<RuleObservation> observations,
    String waitingFor,
    List<String> allowedApprovers,
    List<ApprovalRecord> approvals,
    List<LogEntry> log,
    Outcome outcome,
    String outcomeReason,
    long startedAtMillis,
    long updatedAtMillis,
    List<ChildRunView> children) {

  /** A status without child runs (every procedure so far). */
  public RunbookStatus(String procedure, String workflowId, String service, String environment, String version,
      String requestedBy, String requestId, String reason, Phase phase, Integer currentStep, List<StepView> steps,
      Map<String, Integer> weights, String stableColour, String canaryColour, String liveColour, String liveVersion,
      List<RuleObservation> observations, String waitingFor, List<String> allowedApprovers,
      List<ApprovalRecord> approvals, List<LogEntry> log, Outcome outcome, String outcomeReason,
      long startedAtMillis, long updatedAtMillis) {
    this(procedure, workflowId, service, environment, version, requestedBy, requestId, reason, phase, currentStep,
        steps, weights, stableColour, canaryColour, liveColour, liveVersion, observations, waitingFor,
        allowedApprovers, approvals, log, outcome, outcomeReason, startedAtMillis, updatedAtMillis, null);
  }

  /** The run header; the status carries no run id (null here). */
  @JsonIgnore
  public RunHeader header() {
    return new RunHeader(procedure, workflowId, null, service, environment, version, requestedBy, requestId, reason,
        startedAtMillis);
  }

  /** The same status with other observations (the CLI shows a running watch's live readings). */
  public RunbookStatus withObservations(List<RuleObservation> live) {
    return new RunbookStatus(procedure, workflowId, service, environment, version, requestedBy, requestId, reason,
        phase, currentStep, steps, weights, stableColour, canaryColour, liveColour, liveVersion, live, waitingFor,
        allowedApprovers, approvals, log, outcome, outcomeReason, startedAtMillis, updatedAtMillis, children);
  }
}
