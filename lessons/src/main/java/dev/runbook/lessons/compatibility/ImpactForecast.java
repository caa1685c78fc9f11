package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.progress.LessonCompletion;
import dev.runbook.lessons.progress.LessonProgress;
import dev.runbook.lessons.progress.UserProgress;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * How many learners an update touches and how (seed 000's "test migration" step before a major
 * update): learners in progress per matrix row, learners who completed it per notice, and the rest.
 * A learner who completed the lesson and is taking it again counts in both.
 */
public record ImpactForecast(
    String lessonId,
    SemanticVersion newVersion,
    Map<CompatibilityRule, Integer> inProgress,
    Map<LearnerNotice, Integer> completed,
    int notStarted) {

  public ImpactForecast {
    inProgress = Map.copyOf(inProgress);
    completed = Map.copyOf(completed);
  }

  public static ImpactForecast of(String lessonId, SemanticVersion newVersion, Set<SemanticVersion> retired,
      Collection<UserProgress> learners) {
    Map<CompatibilityRule, Integer> inProgress = new EnumMap<>(CompatibilityRule.class);
    Map<LearnerNotice, Integer> completed = new EnumMap<>(LearnerNotice.class);
    int notStarted = 0;
    for (UserProgress p : learners) {
      LessonProgress lesson = p.lessons().get(lessonId);
      LessonCompletion done = p.completions().get(lessonId);
      if (lesson != null && lesson.isInProgress()) {
        CompatibilityRule rule =
            CompatibilityMatrix.inProgress(lesson.startedVersion(), newVersion, retired).rule();
        inProgress.merge(rule, 1, Integer::sum);
      }
      if (done != null) {
        completed.merge(CompatibilityMatrix.completed(done.completedVersion(), newVersion).notice(), 1, Integer::sum);
      }
      if ((lesson == null || !lesson.isInProgress()) && done == null) {
        notStarted++;
      }
    }
    return new ImpactForecast(lessonId, newVersion, inProgress, completed, notStarted);
  }

  /** Both counts together: forecasts of disjoint groups of learners (batches of a large table) add up. */
  public ImpactForecast plus(ImpactForecast other) {
    if (!lessonId.equals(other.lessonId) || !newVersion.equals(other.newVersion)) {
      throw new IllegalArgumentException("cannot add forecasts of " + lessonId + " " + newVersion + " and "
          + other.lessonId + " " + other.newVersion);
    }
    Map<CompatibilityRule, Integer> rows = new EnumMap<>(CompatibilityRule.class);
    rows.putAll(inProgress);
    other.inProgress.forEach((rule, n) -> rows.merge(rule, n, Integer::sum));
    Map<LearnerNotice, Integer> notices = new EnumMap<>(LearnerNotice.class);
    notices.putAll(completed);
    other.completed.forEach((notice, n) -> notices.merge(notice, n, Integer::sum));
    return new ImpactForecast(lessonId, newVersion, rows, notices, notStarted + other.notStarted);
  }

  /** Learners in progress on the given row. */
  public int inProgress(CompatibilityRule rule) {
    return inProgress.getOrDefault(rule, 0);
  }

  /** Notices to send: one per learner in progress or completed whose row notifies (both, for a re-take). */
  public int notified() {
    int n = 0;
    for (var e : inProgress.entrySet()) {
      n += e.getKey().action().notice().notifies() ? e.getValue() : 0;
    }
    for (var e : completed.entrySet()) {
      n += e.getKey().notifies() ? e.getValue() : 0;
    }
    return n;
  }
}
