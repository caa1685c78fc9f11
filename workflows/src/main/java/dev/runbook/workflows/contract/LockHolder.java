package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The run that holds a target: enough to name it in a refusal and to act on it (abort by workflow
 * id and run id, which may be a free id). {@code heldTarget} is the path it holds, which may be a
 * database covering the target asked for.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LockHolder(
    String workflowId,
    String runId,
    String procedure,
    String requestedBy,
    long sinceMillis,
    boolean preemptible,
    String heldTarget) {}
