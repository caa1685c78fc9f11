package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One configured platform of a multi-platform deploy, in deploy order: its name, its failover role
 * (primary, secondary, tertiary) and how long its health check may take to pass.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformTarget(String name, String role, int healthTimeoutSeconds) {}
