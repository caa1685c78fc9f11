package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The platform's maintenance state as it answered: off has no message and no since. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaintenanceStatus(boolean on, String message, Long sinceMillis, Integer retryAfterSeconds) {}
