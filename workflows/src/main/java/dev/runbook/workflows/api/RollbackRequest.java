package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of Rollback. {@code toVersion} null means "the standby colour": traffic goes back to the
 * release that was live before the last cutover. User data is never touched.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollbackRequest(
    String service,
    String environment,
    String toVersion,
    String reason,
    String requestedBy,
    String requestId) {}
