package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runbook.workflows.contract.EscalationPolicy;
import java.util.Map;

/**
 * Input of IncidentResponse, and the payload of its {@code page} update (the same incident paged
 * again). One incident is open per service and environment: the workflow id is
 * {@code incident:<service>:<environment>}.
 *
 * @param severity 1, 2 or 3
 * @param source the workflow id of the runbook that opened it (null when a person did); its own
 *     deploy is not rolled back again
 * @param escalation null, or the configured policy as the worker's opener copies it in: the run
 *     reads the environment's policy once at open, into its history, and refuses a supplied one
 *     that differs from it (EscalationPolicyMismatch), so a request never chooses who is paged
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentRequest(
    Integer severity,
    String service,
    String environment,
    String summary,
    String requestedBy,
    String requestId,
    String source,
    EscalationPolicy escalation,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {

  public IncidentRequest {
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public IncidentRequest(Integer severity, String service, String environment, String summary, String requestedBy,
      String requestId, String source, EscalationPolicy escalation) {
    this(severity, service, environment, summary, requestedBy, requestId, source, escalation, null);
  }

  /** The same request with the escalation policy copied in. */
  public IncidentRequest withEscalation(EscalationPolicy policy) {
    return new IncidentRequest(severity, service, environment, summary, requestedBy, requestId, source, policy,
        unknownFields);
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
