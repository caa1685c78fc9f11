package dev.runbook.lessons.progress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A learner's progress document in the current schema (seed 001's "User Progress Schema"). Read
 * documents of any known schema version through {@link ProgressMigrations#migrate} first, then
 * {@link ProgressDocuments#read}.
 *
 * @param lessons lessons in progress, by lesson id
 * @param completions completed lessons, by lesson id
 */
public record UserProgress(
    String userId,
    String schemaVersion,
    Map<String, LessonProgress> lessons,
    Map<String, LessonCompletion> completions,
    Gamification gamification) {

  public UserProgress {
    lessons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lessons));
    completions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(completions));
  }

  public ProgressFingerprint fingerprint() {
    java.util.TreeMap<String, Long> xp = new java.util.TreeMap<>();
    completions.forEach((id, c) -> xp.put(id, (long) c.xpEarned()));
    return new ProgressFingerprint(userId, gamification.totalXp(), xp);
  }

  /** A copy with {@code lessonId}'s progress replaced; nothing else changes. */
  public UserProgress withLesson(String lessonId, LessonProgress progress) {
    Map<String, LessonProgress> copy = new LinkedHashMap<>(lessons);
    copy.put(lessonId, progress);
    return new UserProgress(userId, schemaVersion, copy, completions, gamification);
  }
}
