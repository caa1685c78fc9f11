package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Restore the run's snapshot into a scratch copy and check it with {@code validationQueries}: SQL
 * returning one boolean row each (for example {@code SELECT count(*) > 0 FROM platform.user_progress}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScratchRestoreRequest(SnapshotRequest snapshot, List<String> validationQueries) {}
