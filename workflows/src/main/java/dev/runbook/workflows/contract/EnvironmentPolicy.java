package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.WatchRule;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything a runbook needs to know about one service in one environment, resolved once at the
 * start of a run by an activity (so it lands in history and replays identically).
 *
 * @param steps canary steps; the last one is 100% (its watch is the post-cutover watch)
 * @param emergencyWatchSeconds alerting watch after an emergency deploy (seed: 2h)
 * @param retireAfterSeconds delay between the cutover watch and retiring the old colour
 * @param heartbeatTimeoutSeconds how fast a dead worker's watch is noticed and resumed elsewhere
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentPolicy(
    String environment,
    String service,
    String platform,
    List<RolloutStep> steps,
    List<WatchRule> rules,
    ApprovalPolicy approval,
    long pollSeconds,
    long heartbeatTimeoutSeconds,
    long emergencyWatchSeconds,
    long retireAfterSeconds,
    long deployTimeoutSeconds) {}
