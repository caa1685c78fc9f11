package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What every runbook workflow returns; CI gates on {@code outcome}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunbookResult(
    String workflowId,
    String procedure,
    Outcome outcome,
    String reason,
    String service,
    String environment,
    String requestedVersion,
    String liveVersion,
    String liveColour,
    String incidentReportId) {}
