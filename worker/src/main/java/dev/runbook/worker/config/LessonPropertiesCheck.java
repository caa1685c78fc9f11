package dev.runbook.worker.config;

import dev.runbook.activities.policy.LessonSettings;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RuleAction;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Start-up checks of {@code runbook.environments.<env>.lessons}, each problem named by its property
 * path: lesson rules read lesson metrics, the flag steps rise to 100%, some rule can roll back,
 * durations are positive, a separate lesson-store database has a JDBC URL.
 */
final class LessonPropertiesCheck {
  private static final String LESSON_METRIC_NAMES = LessonSettings.LESSON_METRICS.stream()
      .map(LessonPropertiesCheck::yamlName).collect(Collectors.joining(", "));

  private LessonPropertiesCheck() {}

  static void check(String path, LessonProperties lessons, String metrics, List<String> problems) {
    steps(path + ".steps", lessons.steps(), problems);
    rules(path + ".rules", lessons.rules(), metrics, problems);
    positive(path + ".update-watch", lessons.updateWatch(), problems);
    positive(path + ".flag-removal-after", lessons.flagRemovalAfter(), problems);
    if (lessons.database() != null && (lessons.database().url() == null || !lessons.database().url().startsWith("jdbc:"))) {
      problems.add(path + ".database.url must be a JDBC URL such as jdbc:postgresql://db:5432/platform, was '"
          + lessons.database().url() + "'; leave database out to use the worker's own");
    }
  }

  private static void steps(String path, List<StepProperties> steps, List<String> problems) {
    if (steps == null || steps.isEmpty()) {
      problems.add(path + ": list the flag percentages of a major update, the last at weight 100"
          + " (seed 000: 10, 50, 100)");
      return;
    }
    int previous = 0;
    for (int i = 0; i < steps.size(); i++) {
      StepProperties step = steps.get(i);
      if (step.weight() <= previous || step.weight() > 100) {
        problems.add(path + "[" + i + "].weight must rise strictly within 1..100, was " + step.weight() + " after "
            + previous);
      }
      if (step.watch() == null || step.watch().isNegative()) {
        problems.add(path + "[" + i + "].watch must not be negative, was " + step.watch());
      }
      previous = step.weight();
    }
    if (previous != 100) {
      problems.add(path + ": the last step must serve 100% of learners, was " + previous + "%");
    }
  }

  private static void rules(String path, List<RuleProperties> rules, String metrics, List<String> problems) {
    if (rules == null || rules.stream().noneMatch(r -> r.action() == RuleAction.ROLLBACK)) {
      problems.add(path + ": at least one rule needs action rollback, or no window can ever be judged healthy");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; rules != null && i < rules.size(); i++) {
      RuleProperties r = rules.get(i);
      String rp = path + "[" + i + "]";
      if (r.name() == null || r.name().isBlank() || !names.add(r.name())) {
        problems.add(rp + ".name must be given and unique, was '" + r.name() + "'");
      }
      if (!LessonSettings.LESSON_METRICS.contains(r.metric())) {
        problems.add(rp + ".metric must be one of " + LESSON_METRIC_NAMES + ", was "
            + (r.metric() == null ? null : yamlName(r.metric())));
      } else if (r.metric() == MetricKind.CUSTOM) {
        if (r.query() == null || r.query().isBlank()) {
          problems.add(rp + ": metric custom needs a query (PromQL)");
        }
        if (!PropertiesCheck.PROMETHEUS.equals(metrics)) {
          problems.add(rp + ": metric custom needs metrics: prometheus");
        }
      } else if (!r.relativeToStable() && (r.threshold() < 0 || r.threshold() > 100)) {
        problems.add(rp + ".threshold is a percentage and must be within 0-100, was " + r.threshold());
      }
      if (r.relativeToStable() && r.threshold() <= 0) {
        problems.add(rp + ".threshold of a relative rule is a factor of the stable value and must be positive");
      }
      positive(rp + ".lookback", r.lookback(), problems);
    }
  }

  private static void positive(String path, Duration d, List<String> problems) {
    if (d == null || d.isNegative() || d.isZero()) {
      problems.add(path + " must be a positive duration like 30s or 5m, was " + d);
    }
  }

  private static String yamlName(MetricKind kind) {
    return kind.name().toLowerCase().replace('_', '-');
  }
}
