package dev.runbook.activities.policy;

import dev.runbook.workflows.kit.ApprovalPolicy;
import dev.runbook.workflows.kit.RolloutStep;
import dev.runbook.workflows.kit.RuleAction;
import dev.runbook.workflows.kit.WatchRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One environment as the worker configures it: which platform and metric source serve it, which
 * services may be deployed there, and the policy template every one of those services gets.
 * Plain data so the worker can bind it straight from {@code @ConfigurationProperties}.
 *
 * @param platform name of a {@code PlatformProvider} registered with {@code PlatformActivitiesImpl}
 * @param metricsSource name of a {@code MetricSource} the watch reads (see {@code MetricSources})
 * @param services services that may be deployed to this environment
 */
public record EnvironmentSettings(
    String platform,
    String metricsSource,
    List<String> services,
    List<RolloutStep> steps,
    List<WatchRule> rules,
    ApprovalPolicy approval,
    long pollSeconds,
    long heartbeatTimeoutSeconds,
    long emergencyWatchSeconds,
    long retireAfterSeconds,
    long deployTimeoutSeconds) {

  public EnvironmentSettings {
    services = services == null ? List.of() : List.copyOf(services);
    steps = steps == null ? List.of() : List.copyOf(steps);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /**
   * What is wrong with these settings, as sentences a person can fix in the YAML; empty when they
   * are usable. Checked once at start-up so a bad policy never reaches a running rollout.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (platform == null || platform.isBlank()) {
      problems.add("platform is required (e.g. sandbox, kubectl)");
    }
    if (metricsSource == null || metricsSource.isBlank()) {
      problems.add("metricsSource is required (e.g. sandbox, prometheus)");
    }
    if (services.isEmpty()) {
      problems.add("services must list at least one service");
    }
    checkSteps(problems);
    checkRules(problems);
    if (approval == null) {
      problems.add("approval is required (manual: false for automatic gates)");
    }
    if (pollSeconds <= 0) {
      problems.add("pollSeconds must be positive, was " + pollSeconds);
    }
    if (heartbeatTimeoutSeconds <= pollSeconds) {
      problems.add("heartbeatTimeoutSeconds (" + heartbeatTimeoutSeconds + ") must exceed pollSeconds ("
          + pollSeconds + "), or a healthy watch would time out between two polls");
    }
    if (emergencyWatchSeconds < 0 || retireAfterSeconds < 0) {
      problems.add("emergencyWatchSeconds and retireAfterSeconds must not be negative");
    }
    if (deployTimeoutSeconds <= 0) {
      problems.add("deployTimeoutSeconds must be positive, was " + deployTimeoutSeconds);
    }
    return problems;
  }

  private void checkSteps(List<String> problems) {
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

  private void checkRules(List<String> problems) {
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
