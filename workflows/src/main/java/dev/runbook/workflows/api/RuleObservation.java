package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The latest reading of one watch rule: value (null when the read was not usable), the threshold it
 * is compared with (already scaled for relative rules), the verdict and why.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleObservation(
    String rule,
    Double value,
    Double threshold,
    Long samples,
    RuleVerdict verdict,
    String detail,
    long atMillis) {}
