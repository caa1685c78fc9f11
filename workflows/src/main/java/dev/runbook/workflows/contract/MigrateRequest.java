package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Migrate the environment's live target database to {@code targetVersion} (a release name such as
 * 1.1 or a Flyway version), each statement waiting at most {@code lockTimeoutSeconds} for a lock.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrateRequest(String environment, String targetVersion, long lockTimeoutSeconds) {}
