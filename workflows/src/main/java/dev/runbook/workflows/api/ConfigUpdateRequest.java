package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input of ConfigUpdate (seed 003): change a service's config in one environment, then restart
 * its instances in batches.
 *
 * @param set plain keys and their new values ({@code REQUEST_TIMEOUT_MS: "800"})
 * @param secrets secret keys and a reference to each value, {@code env:NAME} or {@code file:/path},
 *     which the worker resolves: a secret's value is never part of a request, history or log
 * @param unset keys to remove
 * @param reason why, for the record (optional)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigUpdateRequest(
    String service,
    String environment,
    Map<String, String> set,
    Map<String, String> secrets,
    List<String> unset,
    String reason,
    String requestedBy,
    String requestId,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {

  public ConfigUpdateRequest {
    // not Map.copyOf: a null value must reach the validator, not fail decoding
    set = set == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    secrets = secrets == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    unset = unset == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(unset));
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public ConfigUpdateRequest(String service, String environment, Map<String, String> set, Map<String, String> secrets,
      List<String> unset, String reason, String requestedBy, String requestId) {
    this(service, environment, set, secrets, unset, reason, requestedBy, requestId, null);
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
