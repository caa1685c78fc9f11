package dev.runbook.workflows.kit;

import dev.runbook.workflows.contract.RolloutStep;

/** What one rollout step moves: traffic to a colour, or a feature flag's share of learners. */
public interface StepAction {

  /** The step's name in logs, watches and approvals: "Canary 10% (watch 30m)". */
  default String label(RolloutStep step) {
    return step.label();
  }

  /** The step's running detail: "10% of traffic to green". */
  String describe(RolloutStep step);

  /** Moves to the step's weight; {@code last} is the 100% step (cut over). */
  void apply(RolloutStep step, boolean last);
}
