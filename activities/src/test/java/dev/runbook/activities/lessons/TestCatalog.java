package dev.runbook.activities.lessons;

import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.LessonSettings;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.EmergencyPolicy;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchRule;
import java.util.List;
import java.util.Map;

/** "local" publishes lessons (seed 000's rollout in seconds); "staging" deploys code only. */
public final class TestCatalog {
  static final WatchRule LESSON_ERRORS = new WatchRule("lesson-errors", MetricKind.LESSON_ERROR_RATE_PERCENT,
      Comparison.GREATER_THAN, 5, false, 2, 6, RuleAction.ROLLBACK, 5, null, null);
  static final WatchRule COMPLETION = new WatchRule("completion-rate", MetricKind.LESSON_COMPLETION_RATE_PERCENT,
      Comparison.LESS_THAN, 0.85, true, 2, 6, RuleAction.ROLLBACK, 5, null, null);
  static final WatchRule CODE_ERRORS = new WatchRule("error-rate", MetricKind.ERROR_RATE_PERCENT,
      Comparison.GREATER_THAN, 5, false, 2, 6, RuleAction.ROLLBACK, 5, null, null);
  static final List<RolloutStep> STEPS =
      List.of(new RolloutStep(10, 8, true), new RolloutStep(50, 6, true), new RolloutStep(100, 0, false));
  static final ApprovalPolicy APPROVAL =
      new ApprovalPolicy(true, List.of("alice"), true, 600, ApprovalTimeoutAction.HOLD_AND_REMIND, 120);

  private TestCatalog() {}

  static LessonSettings lessons() {
    return new LessonSettings(STEPS, List.of(LESSON_ERRORS, COMPLETION), 4, 5);
  }

  public static PolicyCatalog catalog() {
    return new PolicyCatalog(Map.of(
        "local", new EnvironmentSettings("sandbox", "sandbox", List.of("learning-api"), List.of(CODE_ERRORS),
            APPROVAL, 1, 5, 60, new RolloutPolicy(STEPS, 3), new EmergencyPolicy(20, 3), lessons()),
        "staging", new EnvironmentSettings("sandbox", "sandbox", List.of("learning-api"), List.of(CODE_ERRORS),
            APPROVAL, 2, 10, 60, new RolloutPolicy(STEPS, 3), new EmergencyPolicy(20, 3))));
  }
}
