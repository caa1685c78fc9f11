package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A rehearsal that passed: the versions applied to the copy, from which to which, and how long
 * the restore, the migration and the whole took ({@code totalMillis} is the estimate).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RehearsalResult(
    String scratchDatabase,
    String fromVersion,
    String toVersion,
    List<String> applied,
    long restoreMillis,
    long migrateMillis,
    long totalMillis,
    int validationsPassed) {}
