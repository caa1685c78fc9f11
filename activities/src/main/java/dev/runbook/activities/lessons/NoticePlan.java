package dev.runbook.activities.lessons;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.compatibility.CompatibilityMatrix;
import dev.runbook.lessons.compatibility.LearnerNotice;
import dev.runbook.lessons.compatibility.LessonNotices;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.progress.LessonCompletion;
import dev.runbook.lessons.progress.LessonProgress;
import dev.runbook.lessons.progress.UserProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who is told what when {@code current} becomes the version new learners get: the compatibility
 * matrix's notice for each learner who started or completed an older version. One notice per
 * learner and version (the table's key): a learner re-taking a completed lesson gets the notice
 * for the attempt under way, which asks them to act, unless that one says nothing.
 */
final class NoticePlan {
  record Planned(String userId, LearnerNotice notice, String message) {}

  private NoticePlan() {}

  static List<Planned> plan(Lesson current, Set<SemanticVersion> retired, List<UserProgress> learners) {
    SemanticVersion now = current.version();
    List<Planned> planned = new ArrayList<>();
    for (UserProgress learner : learners) {
      LessonProgress started = learner.lessons().get(current.id());
      LessonCompletion completed = learner.completions().get(current.id());
      LearnerNotice notice = LearnerNotice.NONE;
      SemanticVersion theirs = null;
      if (started != null && started.isInProgress() && started.startedVersion().compareTo(now) < 0) {
        notice = CompatibilityMatrix.inProgress(started.startedVersion(), now, retired).notice();
        theirs = started.startedVersion();
      }
      if (!notice.notifies() && completed != null && completed.completedVersion().compareTo(now) < 0) {
        notice = CompatibilityMatrix.completed(completed.completedVersion(), now).notice();
        theirs = completed.completedVersion();
      }
      if (notice.notifies()) {
        planned.add(new Planned(learner.userId(), notice, LessonNotices.text(notice, current, theirs).orElseThrow()));
      }
    }
    return planned;
  }
}
