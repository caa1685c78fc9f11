package dev.runbook.activities.registry;

import java.time.Instant;

/** One approver action from the audit trail, rejected ones included. */
public record ApprovalRow(
    String workflowId,
    String runId,
    String action,
    String approver,
    Integer step,
    boolean accepted,
    String reason,
    Instant at) {}
