package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of the `promote` signal and update. From the Temporal UI send signal `promote` with
 * {@code {"approver":"alice"}}; add {@code "full":true} to skip the remaining steps. {@code
 * workflowId}, when set, must name this run (guards against approving the wrong run).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromoteRequest(String approver, Boolean full, String workflowId, String comment) {

  public boolean isFull() {
    return Boolean.TRUE.equals(full);
  }
}
