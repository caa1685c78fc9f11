package dev.runbook.workflows.schedules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runbook.workflows.api.OperationRequest;
import dev.runbook.workflows.api.Procedure;

/**
 * One scheduled operation: which procedure it starts with which input, when (UTC cron), and its
 * policies. Built from configuration by the worker; the same record becomes a Temporal Schedule
 * on a cluster ({@link TemporalSchedules}) or the state of a fallback scheduler workflow.
 *
 * @param name the schedule id ("daily-health-check")
 * @param procedure the procedure's CLI name ("health-check")
 * @param environment the input's environment ({@code all}, or the DR test's environment)
 * @param catchupWindowSeconds a fire found this late (the worker or server was down) still runs;
 *     a later one is counted as missed
 * @param pauseOnFailure a failed run pauses the schedule until someone unpauses it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduledJob(String name, String procedure, String environment, String cron, Overlap overlap,
    long catchupWindowSeconds, boolean pauseOnFailure) {

  public Procedure procedureEntry() {
    return Procedure.fromCliName(procedure).orElseThrow(() ->
        new IllegalArgumentException("schedule " + name + ": unknown procedure '" + procedure + "'"));
  }

  /** The business-key id of the runs it starts (a cluster Schedule appends the fire time). */
  public String runWorkflowId() {
    Procedure p = procedureEntry();
    return p.workflowId(request("schedule", null));
  }

  /** The input of a run it starts. */
  public OperationRequest request(String requestedBy, String requestId) {
    return new OperationRequest(environment, requestedBy, requestId);
  }

  /** The fallback scheduler workflow's id. */
  public String schedulerWorkflowId() {
    return "scheduler:" + name;
  }
}
