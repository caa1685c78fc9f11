package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Payload of the `promote` signal and update. From the Temporal UI send signal `promote` with
 * {@code {"approver":"alice"}}; add {@code "full":true} to skip the remaining steps. {@code
 * workflowId}, when set, must name this run (guards against approving the wrong run).
 *
 * <p>Any JSON decodes (see {@link ApprovalPayloads}): fields it does not know are kept in {@code
 * unknownFields}, and a payload it cannot read (a bare string, a number, a wrong-typed field) has
 * {@code payloadProblem} set, which never goes on the wire. The handlers refuse both.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromoteRequest(
    String approver,
    Boolean full,
    String workflowId,
    String comment,
    Map<String, Object> unknownFields,
    String payloadProblem) implements HasUnknownFields {

  public PromoteRequest {
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public PromoteRequest(String approver, Boolean full, String workflowId, String comment) {
    this(approver, full, workflowId, comment, null, null);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static PromoteRequest fromJson(JsonNode json) {
    return ApprovalPayloads.promote(json);
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

  public boolean isFull() {
    return Boolean.TRUE.equals(full);
  }
}
