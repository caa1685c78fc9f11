package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Input of MultiPlatformDeploy: one version of a service to several hosted platforms (seed 002:
 * Fly.io primary, Railway secondary, Render tertiary), one after the other in the order the
 * environment's configuration gives them.
 *
 * @param platforms the platforms to deploy to, a subset of the environment's configured ones; null
 *     or empty means all of them. Their order here does not matter: the configuration's does.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MultiPlatformRequest(
    String service,
    String environment,
    String version,
    List<String> platforms,
    String requestedBy,
    String requestId,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {

  public MultiPlatformRequest {
    // not List.copyOf: a null element must reach the validator, not fail decoding
    platforms = platforms == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(platforms));
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public MultiPlatformRequest(String service, String environment, String version, List<String> platforms,
      String requestedBy, String requestId) {
    this(service, environment, version, platforms, requestedBy, requestId, null);
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
