package dev.runbook.activities.watch;

import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.rules.RuleState;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.WatchRule;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notification of a NOTIFY or PAGE rule that just fired. A failed send must neither end
 * the watch (rollback rules are still being judged) nor be forgotten: the rule's "fired" mark is
 * dropped, so the next poll of the same breach fires and sends again.
 */
final class RuleAlerts {
  private static final Logger log = LoggerFactory.getLogger(RuleAlerts.class);

  private final NotificationActivities notifier;

  RuleAlerts(NotificationActivities notifier) {
    this.notifier = notifier;
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
      notifier.notify(new Notification(severity, title, body, request.service(), request.environment(), request.workflowId()));
      return state;
    } catch (RuntimeException e) {
      log.error("could not send '{}'; will retry on the next poll: {}", title, e.toString());
      return new RuleState(state.breachSinceMillis(), null, state.conclusiveReads(), state.inconclusiveReads());
    }
  }
}
