package dev.runbook.workflows.operations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One check a scheduled operation plans, run by its activity as one call (one line in the
 * Temporal UI, one row in the report).
 *
 * @param kind what to check; the activity dispatches on it ("service", "hosted", "database" ...)
 * @param environment where
 * @param target what, as the report shows it ("learning-api on sandbox")
 * @param platform the platform, for service checks; else null
 * @param service the service, for service checks; else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationCheck(String kind, String environment, String target, String platform, String service) {}
