package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Input of Rollback. {@code toVersion} null means "the standby colour": traffic goes back to the
 * release that was live before the last cutover. User data is never touched.
 *
 * <p>Fields it does not know are kept in {@code unknownFields} (and written back as they came) for
 * {@link InputShape} to refuse.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollbackRequest(
    String service,
    String environment,
    String toVersion,
    String reason,
    String requestedBy,
    String requestId,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {

  public RollbackRequest {
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public RollbackRequest(
      String service, String environment, String toVersion, String reason, String requestedBy, String requestId) {
    this(service, environment, toVersion, reason, requestedBy, requestId, null);
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
