package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Input of EmergencyDeploy: skips the canary, so a reason is mandatory.
 *
 * <p>Fields it does not know are kept in {@code unknownFields} (and written back as they came) for
 * {@link InputShape} to refuse.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmergencyDeployRequest(
    String service,
    String environment,
    String version,
    String reason,
    String requestedBy,
    String requestId,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {

  public EmergencyDeployRequest {
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public EmergencyDeployRequest(
      String service, String environment, String version, String reason, String requestedBy, String requestId) {
    this(service, environment, version, reason, requestedBy, requestId, null);
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
