package dev.runbook.workflows.testing;

import static dev.runbook.workflows.contract.Comparison.GREATER_THAN;
import static dev.runbook.workflows.contract.Comparison.LESS_THAN;
import static dev.runbook.workflows.contract.MetricKind.LESSON_COMPLETION_RATE_PERCENT;
import static dev.runbook.workflows.contract.MetricKind.LESSON_ERROR_RATE_PERCENT;
import static dev.runbook.workflows.contract.MetricKind.LESSON_NEGATIVE_FEEDBACK_PERCENT;
import static dev.runbook.workflows.contract.RuleAction.NOTIFY;
import static dev.runbook.workflows.contract.RuleAction.ROLLBACK;

import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.lessonupdate.LessonPolicy;
import java.util.List;

/**
 * The production lesson policy of the seeds (000 procedure 2, 001): flag at 10% watched 1h, 50%
 * watched 2h, each behind a manual gate, then 100%; the flag removed 24h later; patch and minor
 * updates watched 10m. Rules: lesson error rate > 2% notify, > 5% roll back, completion rate 15%
 * below the old version's roll back, negative feedback > 20% notify.
 */
public final class LessonPolicies {
  public static final String ERRORS_WARNING = "lesson-errors-warning";
  public static final String ERRORS = "lesson-errors";
  public static final String COMPLETION = "completion-rate";
  public static final String FEEDBACK = "negative-feedback";

  private LessonPolicies() {}

  public static LessonPolicy production() {
    return new LessonPolicy(new EnvironmentPolicy(
        "production",
        FakeLessonStore.LESSON,
        "lesson-store",
        List.of(
            new WatchRule(ERRORS_WARNING, LESSON_ERROR_RATE_PERCENT, GREATER_THAN, 2, false, 0, 300, NOTIFY, 50, null, null),
            new WatchRule(ERRORS, LESSON_ERROR_RATE_PERCENT, GREATER_THAN, 5, false, 300, 300, ROLLBACK, 50, null, null),
            new WatchRule(COMPLETION, LESSON_COMPLETION_RATE_PERCENT, LESS_THAN, 0.85, true, 900, 900, ROLLBACK, 50, null, null),
            new WatchRule(FEEDBACK, LESSON_NEGATIVE_FEEDBACK_PERCENT, GREATER_THAN, 20, false, 0, 900, NOTIFY, 20, null, null)),
        new ApprovalPolicy(true, List.of("alice", "bob"), false, 3600, ApprovalTimeoutAction.HOLD_AND_REMIND, 1800),
        10,
        30,
        300,
        new RolloutPolicy(
            List.of(new RolloutStep(10, 3600, true), new RolloutStep(50, 7200, true), new RolloutStep(100, 0, false)),
            86_400),
        null), 600, 86_400);
  }

  /** Gates pass by themselves after a healthy window. */
  public static LessonPolicy autoGates() {
    LessonPolicy p = production();
    ApprovalPolicy a = p.rollout().approval();
    return new LessonPolicy(Policies.withApproval(p.rollout(), new ApprovalPolicy(false, a.approvers(),
        a.requesterMayApprove(), a.timeoutSeconds(), a.onTimeout(), a.remindEverySeconds())),
        p.updateWatchSeconds(), p.flagRemovalAfterSeconds());
  }
}
