package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What preparation found: the artefact on the platform, the release live before this one (where a
 * rollback goes back to; null when nothing is live) and the backup taken when the release carries a
 * migration (null otherwise).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preparation(String artefact, String previousVersion, String previousColour, String backupId) {}
