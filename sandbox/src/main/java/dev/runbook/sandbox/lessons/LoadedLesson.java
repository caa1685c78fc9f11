package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.render.LessonRenderer;
import dev.runbook.lessons.render.MissingMarketDataException;
import java.util.Optional;

/**
 * A stored version parsed for serving: the lesson, or why its content cannot be served at all.
 *
 * @param problem set when the stored YAML does not validate (or is not the row's lesson and version)
 */
public record LoadedLesson(Lesson lesson, String problem) {

  static LoadedLesson unusable(String problem) {
    return new LoadedLesson(null, problem);
  }

  /**
   * Renders it for a learner with {@code market}; empty when it rendered, else why not. This is the
   * learner's view: a render failure is what they see as a broken lesson.
   */
  public Optional<String> renderProblem(MarketData market) {
    if (lesson == null) {
      return Optional.of(problem);
    }
    try {
      LessonRenderer.render(lesson, market::value);
      return Optional.empty();
    } catch (MissingMarketDataException e) {
      return Optional.of(e.getMessage());
    }
  }
}
