package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message for people: a reminder to approve, a rule that fired, a failed compensation.
 *
 * <p>The last three fields came later and are nullable, so payloads recorded in older histories
 * (six fields) still decode, and an older worker decodes new ones by ignoring them.
 *
 * @param event what happened, unique within the run ({@code awaiting-promote:step-2},
 *     {@code rule-fired:error-rate:1763700000000}); receivers dedupe deliveries by run id + event
 * @param gate the decision this notification asks a person for, when it asks for one
 * @param details facts for machines and pagers (rule, metric, value, threshold ...), by name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(
    Severity severity,
    String title,
    String body,
    String service,
    String environment,
    String workflowId,
    String event,
    GateNotice gate,
    Map<String, String> details) {

  @JsonCreator
  public Notification {
    details = withoutNulls(details);
  }

  /** A notification without event name, gate or details, as every sender wrote them at first. */
  public Notification(Severity severity, String title, String body, String service, String environment,
      String workflowId) {
    this(severity, title, body, service, environment, workflowId, null, null, null);
  }

  /** Details in their given order, without empty entries; null when none is left. */
  private static Map<String, String> withoutNulls(Map<String, String> details) {
    if (details == null) {
      return null;
    }
    Map<String, String> kept = new LinkedHashMap<>();
    details.forEach((name, value) -> {
      if (name != null && value != null) {
        kept.put(name, value);
      }
    });
    return kept.isEmpty() ? null : Collections.unmodifiableMap(kept);
  }
}
