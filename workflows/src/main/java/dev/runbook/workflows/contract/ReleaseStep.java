package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a phase activity of a release acts on: the run, the service, the environment, the version
 * and the migration the release carries (null for none). The workflow id and environment are the
 * idempotency key of every phase activity.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseStep(String workflowId, String service, String environment, String version, String migration) {}
