package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The snapshot of one run against the target database of {@code environment}: workflow id and
 * run id together name the file, so a retry finds it and a later run of the same business key
 * never mistakes an older run's snapshot for its own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotRequest(String environment, String workflowId, String runId) {}
