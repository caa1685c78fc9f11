package dev.runbook.activities.policy;

import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.WatchRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How lessons are published in one environment (seed 000 procedures 1 and 2): the staged rollout of
 * a major version behind a feature flag, the rules that watch lesson traffic, how long a patch or
 * minor is watched, and how long the flag stays after 100%. Approvers, poll interval and heartbeat
 * timeout come from the environment itself.
 *
 * @param steps flag percentages with their watch windows and gates, the last at 100
 * @param rules lesson rules only (LESSON_* metrics, or CUSTOM PromQL)
 * @param updateWatchSeconds watch after a first release, patch or minor (seed 000: monitor 10m)
 * @param flagRemovalAfterSeconds delay between 100% and removing the flag (seed 000: 24h)
 */
public record LessonSettings(
    List<RolloutStep> steps,
    List<WatchRule> rules,
    long updateWatchSeconds,
    long flagRemovalAfterSeconds) {

  /** The metrics a lesson's traffic is read by; code metrics (HTTP errors, p95) say nothing about a lesson. */
  public static final Set<MetricKind> LESSON_METRICS = EnumSet.of(MetricKind.LESSON_ERROR_RATE_PERCENT,
      MetricKind.LESSON_COMPLETION_RATE_PERCENT, MetricKind.LESSON_NEGATIVE_FEEDBACK_PERCENT, MetricKind.CUSTOM);

  public LessonSettings {
    steps = steps == null ? List.of() : List.copyOf(steps);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** What is wrong, as sentences a person can fix in the YAML; empty when usable. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    RolloutChecks.steps(steps, problems);
    RolloutChecks.rules(rules, problems);
    for (WatchRule rule : rules) {
      if (rule.metric() != null && !LESSON_METRICS.contains(rule.metric())) {
        problems.add("watch rule '" + rule.name() + "' reads " + rule.metric() + ", a code metric; lesson rules read "
            + LESSON_METRICS);
      }
    }
    if (updateWatchSeconds <= 0) {
      problems.add("updateWatchSeconds must be positive, was " + updateWatchSeconds);
    }
    if (flagRemovalAfterSeconds <= 0) {
      problems.add("flagRemovalAfterSeconds must be positive, was " + flagRemovalAfterSeconds);
    }
    return problems;
  }
}
