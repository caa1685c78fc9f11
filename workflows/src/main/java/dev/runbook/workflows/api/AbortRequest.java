package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Payload of the `abort` signal and update: {@code {"approver":"bob","reason":"bad gut"}}. Any JSON
 * decodes, as for {@link PromoteRequest}: unknown fields are kept, an unreadable payload has
 * {@code payloadProblem} set, and the handlers refuse both.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AbortRequest(
    String approver,
    String reason,
    String workflowId,
    Map<String, Object> unknownFields,
    String payloadProblem) implements HasUnknownFields {

  public AbortRequest {
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public AbortRequest(String approver, String reason, String workflowId) {
    this(approver, reason, workflowId, null, null);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static AbortRequest fromJson(JsonNode json) {
    return ApprovalPayloads.abort(json);
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }

  @JsonIgnore
  public String payloadProblem() {
    return payloadProblem;
  }
}
