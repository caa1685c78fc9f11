package dev.runbook.activities.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.EmergencyPolicy;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lesson settings are checked with the rest of the catalog, so a bad lesson policy stops the worker. */
class LessonSettingsTest {
  private static final List<RolloutStep> SEED_STEPS =
      List.of(new RolloutStep(10, 3600, true), new RolloutStep(50, 7200, true), new RolloutStep(100, 0, false));

  private static WatchRule rule(String name, MetricKind metric, RuleAction action) {
    return new WatchRule(name, metric, Comparison.GREATER_THAN, 5, false, 300, 300, action, 50, null, null);
  }

  @Test
  void seedPolicyHasNoProblems() {
    assertThat(new LessonSettings(SEED_STEPS, List.of(rule("lesson-errors", MetricKind.LESSON_ERROR_RATE_PERCENT,
        RuleAction.ROLLBACK)), 600, 86400).problems()).isEmpty();
  }

  @Test
  void listsEveryProblem() {
    LessonSettings bad = new LessonSettings(List.of(new RolloutStep(50, 60, true), new RolloutStep(40, 60, true)),
        List.of(rule("p95", MetricKind.LATENCY_P95_MS, RuleAction.NOTIFY)), 0, -1);
    assertThat(bad.problems()).containsExactly(
        "step weights must rise strictly within 1..100, got 40 after 50",
        "the last step must send 100% of traffic, was 40%",
        "at least one watch rule must have action ROLLBACK, or no window can ever be judged healthy",
        "watch rule 'p95' reads LATENCY_P95_MS, a code metric; lesson rules read [LESSON_ERROR_RATE_PERCENT,"
            + " LESSON_COMPLETION_RATE_PERCENT, LESSON_NEGATIVE_FEEDBACK_PERCENT, CUSTOM]",
        "updateWatchSeconds must be positive, was 0",
        "flagRemovalAfterSeconds must be positive, was -1");
  }

  @Test
  void theCatalogNamesTheEnvironmentOfABadLessonPolicyAndCodeRulesMayNotReadLessonMetrics() {
    WatchRule codeErrors = rule("error-rate", MetricKind.ERROR_RATE_PERCENT, RuleAction.ROLLBACK);
    EnvironmentSettings env = new EnvironmentSettings("sandbox", "sandbox", List.of("learning-api"),
        List.of(codeErrors, rule("lesson-errors", MetricKind.LESSON_ERROR_RATE_PERCENT, RuleAction.ROLLBACK)),
        PolicyActivitiesImplTest.MANUAL, 10, 30, 60, new RolloutPolicy(SEED_STEPS, 0), new EmergencyPolicy(0, 0),
        new LessonSettings(SEED_STEPS, List.of(rule("e", MetricKind.LESSON_ERROR_RATE_PERCENT, RuleAction.NOTIFY)),
            600, 86400));
    assertThatThrownBy(() -> new PolicyCatalog(Map.of("production", env))).hasMessage("invalid runbook policy:\n"
        + "  environment 'production': watch rule 'lesson-errors' reads LESSON_ERROR_RATE_PERCENT, a lesson metric;"
        + " put it under lessons\n"
        + "  environment 'production': lessons: at least one watch rule must have action ROLLBACK, or no window can"
        + " ever be judged healthy");
  }
}
