package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The live owned schemas were replaced by the snapshot in {@code file}, at {@code restoredAtMillis}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestoreResult(
    String file,
    List<String> schemas,
    long restoredAtMillis,
    long durationMillis,
    double megabytesPerSecond) {}
