package dev.runbook.activities.watch;

import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.contract.IncidentActivities;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.rules.RuleState;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.WatchRule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notification of a NOTIFY or PAGE rule that just fired. A failed send must neither end
 * the watch (rollback rules are still being judged) nor be forgotten: the rule's "fired" mark is
 * dropped, so the next poll of the same breach fires and sends again. A PAGE rule also opens (or
 * joins) a sev-2 incident of the service and environment, so someone owns the page; a failure to
 * open one is logged, the page itself has gone out.
 */
final class RuleAlerts {
  private static final Logger log = LoggerFactory.getLogger(RuleAlerts.class);

  private final NotificationActivities notifier;
  private final IncidentActivities incidents;

  /** @param incidents opens incidents for PAGE rules; null: pages only */
  RuleAlerts(NotificationActivities notifier, IncidentActivities incidents) {
    this.notifier = notifier;
    this.incidents = incidents;
  }

  /** Returns the state to keep: unchanged when sent, without the fired mark when not. */
  RuleState fired(WatchRequest request, WatchRule rule, RuleObservation observation, RuleState state) {
    Severity severity = rule.action() == RuleAction.PAGE ? Severity.PAGE : Severity.WARNING;
    String title = rule.name() + " fired on " + request.service() + " " + request.canaryVersion() + " ("
        + request.canaryColour() + ") in " + request.environment();
    String body = rule.describe() + ". " + observation.detail()
        + (observation.value() == null ? "" : "; value " + observation.value() + ", threshold " + observation.threshold())
        + ". Breaching since " + Instant.ofEpochMilli(state.breachSinceMillis())
        + (request.stepLabel() == null ? "" : ", during " + request.stepLabel()) + ".";
    try {
      // one event per breach: a watch resumed after a crash that fires the same breach again
      // sends the same dedup key, so the pager and the channel can drop the repeat
      String event = "rule-fired:" + rule.name() + ":" + state.breachSinceMillis();
      notifier.notify(new Notification(severity, title, body, request.service(), request.environment(),
          request.workflowId(), event, null, details(request, rule, observation, state)));
      if (rule.action() == RuleAction.PAGE) {
        openIncident(request, title + ": " + body);
      }
      return state;
    } catch (RuntimeException e) {
      log.error("could not send '{}'; will retry on the next poll: {}", title, e.toString());
      return new RuleState(state.breachSinceMillis(), null, state.conclusiveReads(), state.inconclusiveReads());
    }
  }

  private void openIncident(WatchRequest request, String summary) {
    if (incidents == null) {
      return;
    }
    try {
      incidents.openIncident(new IncidentRequest(2, request.service(), request.environment(),
          summary.length() > 500 ? summary.substring(0, 497) + "..." : summary, "runbook", null, request.workflowId(),
          null));
    } catch (RuntimeException e) {
      log.error("could not open an incident for '{}': {}", summary, e.toString());
    }
  }

  /** The facts a pager shows as custom details, by name. */
  private static Map<String, String> details(WatchRequest request, WatchRule rule, RuleObservation observation,
      RuleState state) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("rule", rule.describe());
    details.put("action", rule.action().name().toLowerCase(Locale.ROOT));
    details.put("value", observation.value() == null ? null : String.valueOf(observation.value()));
    details.put("threshold", observation.threshold() == null ? null : String.valueOf(observation.threshold()));
    details.put("samples", observation.samples() == null ? null : String.valueOf(observation.samples()));
    details.put("breachingSince", Instant.ofEpochMilli(state.breachSinceMillis()).toString());
    details.put("version", request.canaryVersion());
    details.put("colour", request.canaryColour());
    details.put("step", request.stepLabel());
    return details;
  }
}
