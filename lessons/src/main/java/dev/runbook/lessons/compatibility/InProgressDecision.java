package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.progress.LessonProgress;
import java.util.List;

/**
 * What happens to a learner who is part-way through a lesson when its current version changes.
 *
 * @param servedVersion the version to load for them now: the current one, or for a user choice the
 *     one they started until they pick
 */
public record InProgressDecision(
    CompatibilityRule rule,
    SemanticVersion startedVersion,
    SemanticVersion currentVersion,
    SemanticVersion servedVersion) {

  public CompatibilityAction action() {
    return rule.action();
  }

  public LearnerNotice notice() {
    return rule.action().notice();
  }

  public List<LearnerChoice> choices() {
    return rule.action().choices();
  }

  /** The version a choice leads to; only a user-choice decision accepts one. */
  public SemanticVersion versionFor(LearnerChoice choice) {
    requireChoice(choice);
    return choice == LearnerChoice.CONTINUE_STARTED ? startedVersion : currentVersion;
  }

  /**
   * The learner's lesson progress after this decision (and their choice, for a user choice; pass
   * null before they pick). Only the lesson's version and sections may change: XP, completions and
   * the gamification totals live elsewhere in the progress document and are never touched.
   */
  public LessonProgress apply(LessonProgress progress, LearnerChoice choice) {
    if (rule.action() == CompatibilityAction.USER_CHOICE) {
      if (choice == null) {
        return progress;
      }
      return choice == LearnerChoice.CONTINUE_STARTED ? progress : progress.restartedAt(currentVersion.toString());
    }
    if (choice != null) {
      throw new IllegalArgumentException(rule + " offers no choice, got " + choice);
    }
    return switch (rule.action()) {
      case NONE -> progress;
      case AUTO_MIGRATE, AUTO_MIGRATE_AND_NOTIFY -> progress.movedTo(currentVersion.toString());
      case FORCE_RESTART -> progress.restartedAt(currentVersion.toString());
      case USER_CHOICE -> throw new IllegalStateException("handled above");
    };
  }

  private void requireChoice(LearnerChoice choice) {
    if (!choices().contains(choice)) {
      throw new IllegalArgumentException(rule + " offers no choice " + choice + " (offers " + choices() + ")");
    }
  }
}
