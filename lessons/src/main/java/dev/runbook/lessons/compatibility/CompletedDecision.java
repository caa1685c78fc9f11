package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.ChangeKind;
import dev.runbook.lessons.SemanticVersion;
import java.util.Optional;

/**
 * What happens to a learner who completed a lesson when its current version changes: the completion
 * and its XP stay, and they are offered to view the updates (seed 001's mitigations table).
 */
public record CompletedDecision(SemanticVersion completedVersion, SemanticVersion currentVersion) {

  public Optional<ChangeKind> change() {
    return completedVersion.changeTo(currentVersion).or(() -> currentVersion.changeTo(completedVersion));
  }

  public boolean keepsCompletion() {
    return true;
  }

  public boolean keepsXp() {
    return true;
  }

  /** "Can review updated version": offered whenever the content differs. */
  public boolean offersViewUpdates() {
    return change().isPresent();
  }

  /** Patch: nothing; minor: the "Updated" badge; major: a message with the changelog. */
  public LearnerNotice notice() {
    return change().map(k -> switch (k) {
      case PATCH -> LearnerNotice.NONE;
      case MINOR -> LearnerNotice.UPDATED_BADGE;
      case MAJOR -> LearnerNotice.CHANGELOG_MESSAGE;
    }).orElse(LearnerNotice.NONE);
  }
}
