package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Maintenance on in {@code environment}; {@code retryAfterSeconds} null: the platform's default. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaintenanceRequest(String environment, String message, Integer retryAfterSeconds) {}
