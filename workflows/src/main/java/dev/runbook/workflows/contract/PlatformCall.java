package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a hosted-platform activity acts on: the platform, the environment whose configuration
 * names it, the service, the version (deploy, health) or the recorded release (rollback).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformCall(String platform, String environment, String service, String version,
    PlatformRelease recorded) {}
