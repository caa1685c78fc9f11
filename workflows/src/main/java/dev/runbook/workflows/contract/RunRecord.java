package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runbook.workflows.api.RunHeader;

/** A run as the release registry keeps it: its header. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(RunHeader header) {

  /**
   * Also reads the flat form that workflows before {@link RunHeader} scheduled, so a registry
   * write still in flight across a worker upgrade is not lost.
   */
  @JsonCreator
  static RunRecord fromJson(@JsonProperty("header") RunHeader header,
      @JsonProperty("workflowId") String workflowId, @JsonProperty("runId") String runId,
      @JsonProperty("procedure") String procedure, @JsonProperty("service") String service,
      @JsonProperty("environment") String environment, @JsonProperty("version") String version,
      @JsonProperty("requestedBy") String requestedBy, @JsonProperty("requestId") String requestId,
      @JsonProperty("reason") String reason, @JsonProperty("startedAtMillis") long startedAtMillis) {
    return new RunRecord(header != null ? header : new RunHeader(procedure, workflowId, runId, service, environment,
        version, requestedBy, requestId, reason, startedAtMillis));
  }
}
