package dev.runbook.activities.registry;

import java.time.Instant;

/** One run as `runbook list` shows it; outcome is null while the run is still going. */
public record RunRow(
    String workflowId,
    String runId,
    String procedure,
    String service,
    String environment,
    String version,
    String requestedBy,
    String requestId,
    String reason,
    Instant startedAt,
    Instant finishedAt,
    String outcome,
    String outcomeReason,
    String liveVersion) {}
