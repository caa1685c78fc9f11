package dev.runbook.sandbox.lessons;

import java.util.List;
import java.util.Optional;

/**
 * One lesson as {@code GET /api/lessons} shows it.
 *
 * @param flag the flag that takes part in serving, else the lesson's first flag row, else null
 * @param versionsSeen versions learners have opened since the sandbox started, lowest first
 */
public record LessonOverview(String lessonId, String currentVersion, Flag flag, List<String> versionsSeen) {

  /**
   * @param active whether new learners in its percentage get its version now (it is not the
   *     current version and not withdrawn)
   */
  public record Flag(String name, String version, int percentage, boolean active) {}

  static LessonOverview of(PublishedLesson lesson, List<String> versionsSeen) {
    Optional<LessonFlag> active = lesson.servable() ? lesson.activeFlag() : Optional.empty();
    Flag flag = active.map(f -> new Flag(f.name(), f.version(), f.percentage(), true))
        .or(() -> lesson.flags().stream().findFirst().map(f -> new Flag(f.name(), f.version(), f.percentage(), false)))
        .orElse(null);
    return new LessonOverview(lesson.lessonId(), lesson.currentVersion(), flag, List.copyOf(versionsSeen));
  }
}
