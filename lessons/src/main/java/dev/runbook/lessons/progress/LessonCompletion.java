package dev.runbook.lessons.progress;

import dev.runbook.lessons.SemanticVersion;
import java.time.Instant;

/** A completed lesson: when, at which version, the XP earned and the quiz score. */
public record LessonCompletion(Instant completedAt, String version, int xpEarned, int quizScore, int quizTotal) {
  public SemanticVersion completedVersion() {
    return SemanticVersion.parse(version);
  }
}
