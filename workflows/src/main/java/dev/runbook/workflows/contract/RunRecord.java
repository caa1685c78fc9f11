package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A run as the release registry keeps it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
    String workflowId,
    String runId,
    String procedure,
    String service,
    String environment,
    String version,
    String requestedBy,
    String requestId,
    String reason,
    long startedAtMillis) {}
