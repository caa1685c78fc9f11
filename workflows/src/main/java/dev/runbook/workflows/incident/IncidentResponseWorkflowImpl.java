package dev.runbook.workflows.incident;

import dev.runbook.workflows.api.IncidentAck;
import dev.runbook.workflows.api.IncidentCommand;
import dev.runbook.workflows.api.IncidentEvent.Kind;
import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentSeverity;
import dev.runbook.workflows.api.IncidentView;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** See {@link IncidentResponseWorkflow}: open, page until acknowledged, resolve, report. */
public class IncidentResponseWorkflowImpl extends RunbookWorkflowBase implements IncidentResponseWorkflow {
  /** Version marker: a supplied escalation policy is checked against the configured one. */
  static final String SUPPLIED_POLICY_CHECKED = "supplied-escalation-policy-checked";
  private IncidentFile file;

  @Override
  public RunbookResult respond(IncidentRequest input) {
    // a Start Workflow form sent without input arrives as null: validate an empty request instead
    IncidentRequest request = input != null ? input : new IncidentRequest(null, null, null, null, null, null, null, null);
    String label = IncidentSeverity.of(request.severity()).map(IncidentSeverity::label).orElse(null);
    begin(Procedure.INCIDENT_RESPONSE, request.service(), request.environment(), label, request.requestedBy(),
        request.requestId(), request.summary(), problems(input, request), input);
    loadPolicy(); // refuses an unknown service or environment
    recorder().liveStateFrom(() -> { }); // an incident moves no slots of its own
    EscalationPolicy policy = escalationPolicy(request);
    if (policy == null) {
      throw recorder().refuse("environment '" + request.environment() + "' has no escalation policy: configure "
          + "runbook.environments." + request.environment() + ".incident-response", Refusal.NO_ESCALATION_POLICY);
    }
    List<String> problems = policy.problems();
    if (!problems.isEmpty()) {
      throw recorder().refuse("escalation policy: " + String.join("; ", problems), Refusal.INVALID_REQUEST);
    }
    file = new IncidentFile(ctx().workflowId(), request.withEscalation(policy),
        IncidentSeverity.of(request.severity()).orElseThrow(), policy, tracker());
    return run(this::respondUntilReported);
  }

  /**
   * The policy copied into the run at open: the one just resolved into history from the
   * configuration. One supplied in the request must be that same policy, or the run is refused
   * ({@link SuppliedEscalation}); runs from before that check took a supplied one as given.
   */
  private EscalationPolicy escalationPolicy(IncidentRequest request) {
    EscalationPolicy configured = ctx().policy().incident();
    if (Workflow.getVersion(SUPPLIED_POLICY_CHECKED, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return request.escalation() != null ? request.escalation() : configured;
    }
    if (request.escalation() != null && configured != null) {
      List<String> differences = SuppliedEscalation.differences(request.escalation(), configured);
      if (!differences.isEmpty()) {
        throw recorder().refuse("the escalation policy in the request is not the one configured for "
            + request.service() + " in " + request.environment() + " (runbook.environments." + request.environment()
            + ".incident-response): " + String.join("; ", differences) + ". Leave 'escalation' out: the configured "
            + "policy is copied into the incident at open", Refusal.ESCALATION_POLICY_MISMATCH);
      }
    }
    return configured;
  }

  /**
   * The request's problems, plus a workflow id other than the business key: the id is what keeps
   * one incident open per service and environment, so a page joins it instead of opening a twin.
   */
  private static List<String> problems(IncidentRequest input, IncidentRequest request) {
    List<String> problems = new ArrayList<>(RequestValidation.incident(input));
    String key = Procedure.INCIDENT_RESPONSE.workflowId(request.service(), request.environment());
    if (problems.isEmpty() && !Workflow.getInfo().getWorkflowId().equals(key)) {
      problems.add("workflow id '" + Workflow.getInfo().getWorkflowId() + "' must be '" + key
          + "' (one open incident per service and environment); start it with that id");
    }
    return problems;
  }

  private String respondUntilReported() {
    IncidentNotices notices = new IncidentNotices(ctx(), recorder(), file);
    new SeverityActions(ctx(), file).start();
    Escalation escalation = new Escalation(file, notices, tracker());
    PostIncident post = new PostIncident(file, notices, tracker());
    PostIncident.Ending ending;
    do {
      untilResolved(escalation);
      upsertState();
      ending = post.awaitReport();
      upsertState();
    } while (ending == PostIncident.Ending.REOPENED);
    IncidentView v = file.view();
    recorder().writeIncidentReport(file.severity().label() + " incident: " + v.summary(),
        v.rootCause() != null ? "root cause: " + v.rootCause() : "resolved: " + v.resolution(), null, null);
    return file.severity().label() + " incident resolved by " + v.resolvedBy() + ": " + v.resolution()
        + (v.firstAck() == null ? "; never acknowledged"
            : "; acknowledged by " + v.firstAck().by() + " at level " + v.firstAck().level() + " after "
                + v.firstAck().secondsFromOpen() + "s (target " + v.responseTargetSeconds() + "s "
                + (v.firstAck().targetMet() ? "met" : "missed") + ")")
        + (ending == PostIncident.Ending.FILED ? "; report filed by " + v.reportBy() : "; report overdue");
  }

  /** Pages until acknowledged; an acknowledgement not resolved within the ack timeout re-arms escalation. */
  private void untilResolved(Escalation escalation) {
    upsertState();
    long escalateFrom = Workflow.currentTimeMillis();
    while (!file.resolved()) {
      escalation.untilAcknowledged(escalateFrom);
      upsertState();
      if (file.resolved()) {
        return;
      }
      IncidentAck ack = file.view().ack();
      tracker().phase(Phase.WATCHING, "acknowledged by " + ack.by() + "; waiting for resolve");
      tracker().waitingFor("resolve", file.policy().everyone());
      long timeoutAt = ack.atMillis() + file.policy().ackTimeoutSeconds() * 1000;
      if (!Timers.awaitUntil(timeoutAt, "ack timeout", file::resolved)) {
        file.ackTimedOut();
        escalateFrom = timeoutAt;
      }
    }
  }

  private void upsertState() {
    Workflow.upsertTypedSearchAttributes(SearchAttributeKeys.INCIDENT_STATE.valueSet(file.state().name()));
  }

  // ---- handlers ---------------------------------------------------------------------------------

  @Override
  public IncidentView incident() {
    return file == null ? null : file.view();
  }

  @Override
  public IncidentAck acknowledge(IncidentCommand command) {
    return file.acknowledge(command);
  }

  @Override
  public void validateAcknowledge(IncidentCommand command) {
    refuseIf(file == null ? opening() : file.ackRefusal(command));
  }

  @Override
  public void acknowledgeSignal(IncidentCommand command) {
    if (accepted("acknowledge", command, file == null ? opening() : file.ackRefusal(command))) {
      file.acknowledge(command);
    }
  }

  @Override
  public IncidentView resolve(IncidentCommand command) {
    file.resolve(command);
    return file.view();
  }

  @Override
  public void validateResolve(IncidentCommand command) {
    refuseIf(file == null ? opening() : file.resolveRefusal(command));
  }

  @Override
  public void resolveSignal(IncidentCommand command) {
    if (accepted("resolve", command, file == null ? opening() : file.resolveRefusal(command))) {
      file.resolve(command);
    }
  }

  @Override
  public IncidentView fileReport(IncidentCommand command) {
    file.reportFiled(command);
    return file.view();
  }

  @Override
  public void validateFileReport(IncidentCommand command) {
    refuseIf(file == null ? opening() : file.reportRefusal(command));
  }

  @Override
  public void fileReportSignal(IncidentCommand command) {
    if (accepted("report", command, file == null ? opening() : file.reportRefusal(command))) {
      file.reportFiled(command);
    }
  }

  @Override
  public IncidentJoin page(IncidentRequest again) {
    Workflow.await(() -> file != null); // a page racing the opening waits for it
    file.joined(again);
    return new IncidentJoin(ctx().workflowId(), true, file.state(), file.severity().number());
  }

  @Override
  public void validatePage(IncidentRequest again) {
    List<String> problems = RequestValidation.incident(again);
    if (!problems.isEmpty()) {
      refuseIf("invalid page: " + String.join("; ", problems));
    }
    if (file != null && (!again.service().equals(file.opening().service())
        || !again.environment().equals(file.opening().environment()))) {
      refuseIf("this incident is about " + file.opening().service() + " in " + file.opening().environment());
    }
    refuseIf(file == null ? null : file.pageRefusal(again));
  }

  private static String opening() {
    return "the incident is still opening; try again in a moment";
  }

  private static void refuseIf(String refusal) {
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }

  /** A signal's refusal goes to the timeline (an update's is answered to its sender instead). */
  private boolean accepted(String action, IncidentCommand command, String refusal) {
    if (refusal == null) {
      return true;
    }
    if (file != null) {
      file.event(Kind.REFUSED, null, command == null ? null : command.by(), action + " refused: " + refusal);
    }
    return false;
  }
}
