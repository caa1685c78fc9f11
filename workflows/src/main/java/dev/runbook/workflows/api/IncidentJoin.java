package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What opening an incident did: {@code joined} false when it opened a new one, true when the
 * service and environment had one open already (or resolved and awaiting its report, which it
 * reopened) and the page joined it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentJoin(String workflowId, boolean joined, IncidentState state, Integer severity) {}
