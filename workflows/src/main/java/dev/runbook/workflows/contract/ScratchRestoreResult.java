package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A scratch restore that passed: the (now dropped) copy's name, how long the restore and the whole
 * rehearsal took, the restore's throughput (the snapshot's schema bytes per second), how many queries passed, and how
 * long the work on the copy took ({@code workMillis}: a rehearsal's migration; 0 for none).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScratchRestoreResult(
    String scratchDatabase,
    long restoreMillis,
    long totalMillis,
    double megabytesPerSecond,
    int validationsPassed,
    Long workMillis) {}
