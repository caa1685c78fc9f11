package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.progress.UserProgress;
import java.util.List;

/**
 * What one learner session did.
 *
 * @param updated the learner's progress to write, or null when nothing changes (a review)
 * @param lessonId the lesson the session was about
 * @param events what to count, in order
 */
public record SessionOutcome(UserProgress updated, String lessonId, List<LessonEvent> events) {
  public SessionOutcome {
    events = List.copyOf(events);
  }

  public boolean writes() {
    return updated != null;
  }
}
