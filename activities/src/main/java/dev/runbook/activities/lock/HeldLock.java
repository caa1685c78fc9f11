package dev.runbook.activities.lock;

import java.time.Instant;

/** One held target, as an operator sees it ({@code runbook locks}, a dashboard). */
public record HeldLock(String target, String workflowId, String runId, String procedure, String requestedBy,
    Instant since, boolean preemptible, String parentWorkflowId) {}
