package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Input of EmergencyDeploy: skips the canary, so a reason is mandatory. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmergencyDeployRequest(
    String service,
    String environment,
    String version,
    String reason,
    String requestedBy,
    String requestId) {}
