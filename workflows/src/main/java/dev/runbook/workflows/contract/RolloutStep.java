package dev.runbook.workflows.contract;

import dev.runbook.workflows.api.Durations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rollout step: send {@code weight}% of traffic to the new colour, watch it for {@code
 * watchSeconds}, then pass the gate (a manual gate waits for a promote).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RolloutStep(int weight, long watchSeconds, boolean gate) {

  public String label() {
    return (weight == 100 ? "Full traffic 100%" : "Canary " + weight + "%")
        + (watchSeconds > 0 ? " (watch " + Durations.human(watchSeconds) + ")" : "");
  }
}
