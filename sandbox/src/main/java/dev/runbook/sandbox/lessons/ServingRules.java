package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.compatibility.CompatibilityAction;
import dev.runbook.lessons.compatibility.CompatibilityMatrix;
import dev.runbook.lessons.compatibility.InProgressDecision;
import dev.runbook.lessons.compatibility.LearnerChoice;
import dev.runbook.lessons.progress.LessonProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which version of a lesson a learner is served, and what their in-progress entry becomes:
 *
 * <ul>
 *   <li>not in progress: the flag's version when the lesson has an active flag and the learner's
 *       {@link FlagBuckets bucket} is below its percentage, otherwise the current version;
 *   <li>in progress on a withdrawn version (or on another major the store does not hold): restart
 *       on what a learner not in progress gets; XP and completions live elsewhere and are untouched;
 *   <li>in progress otherwise: the compatibility matrix (lessons module): within the current major
 *       they move to the current version, keeping their sections; on another major they keep the
 *       version they started (the learner's choice "continue", the one the platform assumes until
 *       they pick).
 * </ul>
 */
public final class ServingRules {

  /**
   * @param entry the learner's in-progress entry for this session, on {@code served}
   * @param restartedFrom the version they were restarted off, or null
   */
  public record Serving(StoredVersion served, LessonProgress entry, String restartedFrom) {}

  private ServingRules() {}

  /** What a learner who is not in progress on the lesson gets. */
  public static StoredVersion forNewLearner(PublishedLesson lesson, String userId) {
    return lesson.activeFlag()
        .filter(flag -> FlagBuckets.served(userId, flag))
        .flatMap(flag -> lesson.version(flag.version()))
        .orElseGet(lesson::current);
  }

  /** {@code progress} is the learner's entry for the lesson, or null when they have none. */
  public static Serving decide(PublishedLesson lesson, String userId, LessonProgress progress, Instant now) {
    if (progress == null || !progress.isInProgress()) {
      StoredVersion v = forNewLearner(lesson, userId);
      return new Serving(v, new LessonProgress(v.version(), LessonProgress.IN_PROGRESS, List.of(), null, now, now),
          null);
    }
    StoredVersion current = lesson.current();
    SemanticVersion startedVersion = progress.startedVersion();
    Optional<StoredVersion> started = lesson.version(progress.version());
    boolean sameMajor = startedVersion.major() == current.semantic().major();
    if (sameMajor && started.map(StoredVersion::withdrawn).orElse(false)) {
      // a patch or minor rolled back: back to the current version of the same major, sections kept
      // (the matrix's auto-migration, backwards)
      return new Serving(current, progress.movedTo(current.version()), progress.version());
    }
    if (started.map(StoredVersion::withdrawn).orElse(!sameMajor)) {
      StoredVersion v = forNewLearner(lesson, userId);
      return new Serving(v, progress.restartedAt(v.version()), progress.version());
    }
    InProgressDecision decision = CompatibilityMatrix.inProgress(startedVersion, current.semantic(), Set.of());
    LearnerChoice choice = decision.action() == CompatibilityAction.USER_CHOICE ? LearnerChoice.CONTINUE_STARTED : null;
    LessonProgress entry = decision.apply(progress, choice);
    StoredVersion served = decision.action() == CompatibilityAction.USER_CHOICE ? started.orElseThrow() : current;
    if (served == current && !entry.version().equals(current.version())) {
      // The matrix writes versions in normalised form; keep the store's spelling in the document.
      entry = entry.movedTo(current.version());
    }
    return new Serving(served, entry, null);
  }
}
