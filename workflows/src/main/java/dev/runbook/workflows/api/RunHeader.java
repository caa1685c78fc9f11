package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who asked for what, once per run: the header that the status, the registry's run record and the
 * incident report share. {@code service} is the run's target (a lesson id for a lesson update);
 * {@code version} may be learnt after the start (a lesson update reads it from the file).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunHeader(
    String procedure,
    String workflowId,
    String runId,
    String service,
    String environment,
    String version,
    String requestedBy,
    String requestId,
    String reason,
    long startedAtMillis) {

  public RunHeader withVersion(String newVersion) {
    return new RunHeader(procedure, workflowId, runId, service, environment, newVersion, requestedBy, requestId,
        reason, startedAtMillis);
  }
}
