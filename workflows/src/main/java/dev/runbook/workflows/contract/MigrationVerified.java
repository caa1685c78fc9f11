package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The live database answered: its schema is at {@code version} and {@code validationsPassed} queries held. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationVerified(String schema, String version, int validationsPassed) {}
