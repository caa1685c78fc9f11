package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of CodeDeploy. Paste into the Temporal UI's Start Workflow form as
 * {@code {"service":"learning-api","environment":"local","version":"v1.5.1","requestedBy":"alice"}}.
 * {@code requestId} identifies the request (a CI job); a retry with the same id follows the
 * existing run instead of starting a second one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeDeployRequest(
    String service, String environment, String version, String requestedBy, String requestId) {}
