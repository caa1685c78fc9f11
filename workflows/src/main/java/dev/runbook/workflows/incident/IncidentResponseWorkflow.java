package dev.runbook.workflows.incident;

import dev.runbook.workflows.api.IncidentAck;
import dev.runbook.workflows.api.IncidentCommand;
import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentView;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Incident response (seeds 000, 002, 003): severity 1/2/3 with response targets of 5/15/30 min and
 * actions; the escalation policy's levels paged on durable timers until someone on it
 * acknowledges; an acknowledgement not followed by a resolve within the ack timeout re-arms
 * escalation; after resolve a post-incident report is due within 24h, with reminders. One incident
 * per service and environment ({@code incident:<service>:<env>}): a new page joins it. Updates
 * answer the CLI; the signals of the same names serve the Temporal UI, refusals going to the
 * timeline.
 */
@WorkflowInterface
public interface IncidentResponseWorkflow extends RunbookControl {

  @WorkflowMethod(name = "IncidentResponse")
  RunbookResult respond(IncidentRequest request);

  @QueryMethod(name = "incident", description = "The incident: severity, state, pages sent (due and sent times, dedup keys), acknowledgement and response target, actions and the timeline; after resolve, the post-incident report.")
  IncidentView incident();

  @UpdateMethod(name = "acknowledge", description = "Acknowledge: stops escalation. {\"by\":\"alice\",\"text\":\"looking\"}; answers who acknowledged at which level and the response target met or missed.")
  IncidentAck acknowledge(IncidentCommand command);

  @UpdateValidatorMethod(updateName = "acknowledge")
  void validateAcknowledge(IncidentCommand command);

  @SignalMethod(name = "acknowledge", description = "Same as the acknowledge update, for the UI. {\"by\":\"alice\"}")
  void acknowledgeSignal(IncidentCommand command);

  @UpdateMethod(name = "resolve", description = "Resolve with a summary: the post-incident report is then due. {\"by\":\"alice\",\"text\":\"rolled back v1.5.0\"}")
  IncidentView resolve(IncidentCommand command);

  @UpdateValidatorMethod(updateName = "resolve")
  void validateResolve(IncidentCommand command);

  @SignalMethod(name = "resolve", description = "Same as the resolve update, for the UI. {\"by\":\"alice\",\"text\":\"...\"}")
  void resolveSignal(IncidentCommand command);

  @UpdateMethod(name = "report", description = "File the post-incident report's root cause; the incident closes. {\"by\":\"alice\",\"text\":\"root cause\"}")
  IncidentView fileReport(IncidentCommand command);

  @UpdateValidatorMethod(updateName = "report")
  void validateFileReport(IncidentCommand command);

  @SignalMethod(name = "report", description = "Same as the report update, for the UI. {\"by\":\"alice\",\"text\":\"root cause\"}")
  void fileReportSignal(IncidentCommand command);

  @UpdateMethod(name = "page", description = "The same service and environment paged again: joins this incident (reopens it while its report is due). Input as IncidentResponse's.")
  IncidentJoin page(IncidentRequest again);

  @UpdateValidatorMethod(updateName = "page")
  void validatePage(IncidentRequest again);
}
