package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Input of CodeDeploy. Paste into the Temporal UI's Start Workflow form as
 * {@code {"service":"learning-api","environment":"local","version":"v1.5.1","requestedBy":"alice"}}.
 * {@code requestId} identifies the request (a CI job); a retry with the same id follows the
 * existing run instead of starting a second one. Fields it does not know are kept in {@code
 * unknownFields} (and written back as they came) for {@link InputShape} to refuse.
 *
 * @param reason why; lets a version that has not yet succeeded in staging go to an environment
 *     whose policy says "always deploy to staging first" (null in requests made before it existed)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeDeployRequest(
    String service,
    String environment,
    String version,
    String requestedBy,
    String requestId,
    String reason,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {

  public CodeDeployRequest {
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public CodeDeployRequest(String service, String environment, String version, String requestedBy, String requestId) {
    this(service, environment, version, requestedBy, requestId, null, null);
  }

  public CodeDeployRequest(String service, String environment, String version, String requestedBy, String requestId,
      String reason) {
    this(service, environment, version, requestedBy, requestId, reason, null);
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
