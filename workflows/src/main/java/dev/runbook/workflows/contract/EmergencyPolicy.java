package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An emergency deploy's own knobs (section {@code emergency-deploy}).
 *
 * @param watchSeconds the alerting watch at 100% after the cutover (seed 000: 2h)
 * @param retireAfterSeconds the delay between that watch and retiring the old colour
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmergencyPolicy(long watchSeconds, long retireAfterSeconds) {}
