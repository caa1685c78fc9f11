package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The live database went from {@code fromVersion} to {@code toVersion} by the {@code applied} migrations. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationApplied(String fromVersion, String toVersion, List<String> applied, long durationMillis) {}
