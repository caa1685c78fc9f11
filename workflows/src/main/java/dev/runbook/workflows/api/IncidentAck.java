package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An accepted acknowledgement: who, at which escalation level (the last one paged), when, and the
 * response target it met or missed (seconds from open to the first acknowledgement).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentAck(String by, int level, long atMillis, long secondsFromOpen, long targetSeconds,
    boolean targetMet) {}
