package dev.runbook.starter.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of the worker's release registry, as {@code GET /api/runs} returns it. Times are kept
 * as sent (epoch millis or ISO-8601), the table formats either.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRow(
    String workflowId,
    String runId,
    String procedure,
    String service,
    String environment,
    String version,
    String requestedBy,
    String startedAt,
    String finishedAt,
    String outcome,
    String outcomeReason) {}
