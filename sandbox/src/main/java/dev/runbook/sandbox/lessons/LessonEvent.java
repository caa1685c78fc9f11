package dev.runbook.sandbox.lessons;

import dev.runbook.sandbox.metrics.LessonCounter;

/** One thing to count for a lesson version once the session's write has gone through. */
public record LessonEvent(String lessonId, String version, LessonCounter counter) {}
