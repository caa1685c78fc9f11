package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.WatchResult;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runbook.workflows.api.RuleObservation;
import java.util.List;

/**
 * What the watch concluded, with the last observation per rule. For ROLLBACK, {@code
 * breachStartedAtMillis} is when the firing rule first crossed its threshold and {@code
 * decidedAtMillis} when the activity decided (both wall clock), for breach-to-rollback latency.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchVerdict(
    WatchResult result,
    String rule,
    String reason,
    List<RuleObservation> observations,
    Long breachStartedAtMillis,
    Long decidedAtMillis,
    int samples) {}
