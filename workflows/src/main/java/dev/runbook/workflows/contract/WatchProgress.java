package dev.runbook.workflows.contract;

import dev.runbook.workflows.rules.RuleState;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runbook.workflows.api.RuleObservation;
import java.util.List;
import java.util.Map;

/**
 * Heartbeat details of the watch activity: the window's fixed deadline and every rule's state.
 * A retried attempt (worker crash, heartbeat timeout) resumes from here instead of restarting the
 * window.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchProgress(
    long deadlineMillis, int samples, Map<String, RuleState> rules, List<RuleObservation> observations) {}
