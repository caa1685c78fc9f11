package dev.runbook.activities.policy;

import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.RollingPolicy;
import dev.runbook.workflows.contract.DeployStrategy;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks code rollouts and lesson rollouts share: steps rising to 100% and a rule set that can
 * judge a window. Kept in one place so both policies word the same mistake the same way.
 */
final class RolloutChecks {
  private RolloutChecks() {}

  static void steps(List<RolloutStep> steps, List<String> problems) {
    if (steps.isEmpty()) {
      problems.add("steps must list at least one rollout step, the last at weight 100");
      return;
    }
    int previous = 0;
    for (RolloutStep step : steps) {
      if (step.weight() <= previous || step.weight() > 100) {
        problems.add("step weights must rise strictly within 1..100, got " + step.weight() + " after " + previous);
      }
      if (step.watchSeconds() < 0) {
        problems.add("step " + step.weight() + "% has a negative watch");
      }
      previous = step.weight();
    }
    if (previous != 100) {
      problems.add("the last step must send 100% of traffic, was " + previous + "%");
    }
  }

  /**
   * Blue-green is the canary path with one step (all traffic at once after the smoke test), so its
   * steps must say so; rolling batches need a positive size and health deadline.
   */
  static void strategy(RolloutPolicy codeDeploy, List<String> problems) {
    if (codeDeploy.strategyOrDefault() == DeployStrategy.BLUE_GREEN
        && (codeDeploy.steps().size() != 1 || codeDeploy.steps().get(0).weight() != 100)) {
      problems.add("strategy blue-green moves all traffic at once: steps must be one step of weight 100");
    }
    RollingPolicy rolling = codeDeploy.rolling();
    if (rolling != null && (rolling.maxUnavailable() < 0 || rolling.maxSurge() < 0
        || rolling.maxUnavailable() + rolling.maxSurge() < 1)) {
      problems.add("rolling: max-unavailable and max-surge must not be negative and add up to at least 1");
    }
    if (rolling != null && (rolling.healthTimeoutSeconds() < 1 || rolling.batchWatchSeconds() < 0)) {
      problems.add("rolling: health-timeout must be positive and batch-watch not negative");
    }
  }

  static void rules(List<WatchRule> rules, List<String> problems) {
    Set<String> names = new HashSet<>();
    for (WatchRule rule : rules) {
      if (rule.name() == null || rule.name().isBlank() || !names.add(rule.name())) {
        problems.add("every watch rule needs a unique name, got '" + rule.name() + "'");
      }
      if (rule.metric() == null || rule.comparison() == null || rule.action() == null) {
        problems.add("watch rule '" + rule.name() + "' needs metric, comparison and action");
      }
      if (rule.forSeconds() < 0 || rule.lookbackSeconds() < 0 || rule.minSamples() < 0) {
        problems.add("watch rule '" + rule.name() + "' has a negative duration or minSamples");
      }
    }
    if (rules.stream().noneMatch(r -> r.action() == RuleAction.ROLLBACK)) {
      problems.add("at least one watch rule must have action ROLLBACK, or no window can ever be judged healthy");
    }
  }
}
