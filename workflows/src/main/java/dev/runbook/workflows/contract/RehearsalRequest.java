package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Rehearse the migration to {@code targetVersion} on a copy restored from the run's snapshot, then
 * check the copy with {@code validationQueries} (one boolean row each).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RehearsalRequest(SnapshotRequest snapshot, String targetVersion, List<String> validationQueries) {}
