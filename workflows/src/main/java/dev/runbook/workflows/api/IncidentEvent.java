package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of an incident's timeline.
 *
 * @param level the escalation level it concerns, from 1; null when none
 * @param who the person or runbook behind it, when there is one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentEvent(long atMillis, Kind kind, Integer level, String who, String text) {

  /** What happened. */
  public enum Kind {
    OPENED, ACTION, ESCALATED, ESCALATION_EXHAUSTED, ACKNOWLEDGED, ACK_TIMED_OUT, JOINED, RESOLVED, REOPENED,
    REPORT_REMINDER, REPORT_OVERDUE, REPORT_FILED, REFUSED
  }
}
