package dev.runbook.activities.notify;

import dev.runbook.workflows.contract.Notification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PAGE as a PagerDuty Events API v2 {@code trigger}: the routing key of the service to page,
 * the notification's dedup key (PagerDuty merges a repeated trigger into the open alert), and a
 * payload with summary, source, severity and the run's facts as custom details.
 */
final class PagerDutyEvent {
  /** PagerDuty cuts longer summaries. */
  private static final int SUMMARY_LIMIT = 1024;

  private PagerDutyEvent() {}

  static Map<String, Object> trigger(Notification n, String routingKey, DedupKeys.Origin origin, Instant at) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("summary", n.title().length() <= SUMMARY_LIMIT ? n.title() : n.title().substring(0, SUMMARY_LIMIT));
    payload.put("source", source(n));
    payload.put("severity", "critical");
    payload.put("timestamp", at.toString());
    if (n.service() != null) {
      payload.put("component", n.service());
    }
    if (n.environment() != null) {
      payload.put("group", n.environment());
    }
    if (origin.event() != null) {
      // "rule-fired:error-rate:1763700000000" → "rule-fired": the kind of problem, for grouping
      payload.put("class", origin.event().split("[:/]", 2)[0]);
    }
    payload.put("custom_details", customDetails(n, origin));

    Map<String, Object> event = new LinkedHashMap<>();
    event.put("routing_key", routingKey);
    event.put("event_action", "trigger");
    if (origin.key() != null) {
      event.put("dedup_key", origin.key());
    }
    event.put("client", "runbook");
    event.put("payload", payload);
    return event;
  }

  /** Where the problem is: the service in its environment, or the run when it names neither. */
  private static String source(Notification n) {
    if (n.service() != null) {
      return n.service() + (n.environment() == null ? "" : " in " + n.environment());
    }
    return n.workflowId() != null ? n.workflowId() : "runbook";
  }

  private static Map<String, Object> customDetails(Notification n, DedupKeys.Origin origin) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (n.body() != null) {
      details.put("body", n.body());
    }
    if (n.workflowId() != null) {
      details.put("workflowId", n.workflowId());
      details.put("status", "runbook status " + GateActions.shellWord(n.workflowId()));
    }
    if (origin.runId() != null) {
      details.put("runId", origin.runId());
      details.put("event", origin.event());
    }
    if (n.details() != null) {
      details.putAll(n.details());
    }
    if (n.gate() != null && n.workflowId() != null) {
      GateActions actions = GateActions.forRun(n.workflowId());
      details.put("promote", actions.promoteCommand());
      details.put("abort", actions.abortCommand());
    }
    return details;
  }
}
