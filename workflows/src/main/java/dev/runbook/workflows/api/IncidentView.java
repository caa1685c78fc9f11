package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runbook.workflows.contract.EscalationPolicy;
import java.util.List;

/**
 * An incident as the {@code incident} query reports it, and its post-incident report: the
 * timeline of every event, the actions runbooks took, the pages sent, the response target met or
 * missed. The CLI prints it as Markdown ({@link IncidentMarkdown}) or JSON.
 *
 * @param firstAck the first acknowledgement, which the response target is measured by
 * @param ack the acknowledgement in force now (null when escalation re-armed)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(
    String workflowId,
    int severity,
    String service,
    String environment,
    String summary,
    IncidentState state,
    String openedBy,
    long openedAtMillis,
    long responseTargetSeconds,
    EscalationPolicy policy,
    List<EscalationPage> pages,
    IncidentAck firstAck,
    IncidentAck ack,
    String resolvedBy,
    Long resolvedAtMillis,
    String resolution,
    Long reportDueAtMillis,
    String reportBy,
    String rootCause,
    List<String> actions,
    List<IncidentEvent> timeline) {

  /** Met, missed, or null while nobody has acknowledged. */
  public Boolean targetMet() {
    return firstAck == null ? null : firstAck.targetMet();
  }
}
