package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One line of the status tree: "Canary 10% (watch 30m)", its state and a human detail. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepView(String name, StepState state, String detail, Long startedAtMillis, Long endedAtMillis) {

  public StepView with(StepState newState, String newDetail, Long ended) {
    return new StepView(name, newState, newDetail, startedAtMillis, ended);
  }
}
