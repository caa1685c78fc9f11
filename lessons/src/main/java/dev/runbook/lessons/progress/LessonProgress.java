package dev.runbook.lessons.progress;

import dev.runbook.lessons.SemanticVersion;
import java.time.Instant;
import java.util.List;

/**
 * A lesson in progress.
 *
 * @param version the lesson version the learner started (seed 001), as the document writes it
 * @param status {@code in_progress} for lessons under way
 * @param sectionsCompleted section ids, in the order completed
 * @param currentSection the section they are on, or null
 */
public record LessonProgress(
    String version,
    String status,
    List<String> sectionsCompleted,
    String currentSection,
    Instant startedAt,
    Instant lastAccessed) {

  public static final String IN_PROGRESS = "in_progress";

  public LessonProgress {
    sectionsCompleted = List.copyOf(sectionsCompleted);
  }

  public boolean isInProgress() {
    return IN_PROGRESS.equals(status);
  }

  public SemanticVersion startedVersion() {
    return SemanticVersion.parse(version);
  }

  /** Continues on {@code newVersion} where they are: same sections, same position. */
  public LessonProgress movedTo(String newVersion) {
    return new LessonProgress(newVersion, status, sectionsCompleted, currentSection, startedAt, lastAccessed);
  }

  /** Starts {@code newVersion} from its first section; XP lives elsewhere and is untouched. */
  public LessonProgress restartedAt(String newVersion) {
    return new LessonProgress(newVersion, status, List.of(), null, startedAt, lastAccessed);
  }
}
