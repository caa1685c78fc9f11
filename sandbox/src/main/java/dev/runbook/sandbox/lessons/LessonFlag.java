package dev.runbook.sandbox.lessons;

/** One row of {@code feature_flags}: {@code version} of a lesson served to a share of new learners. */
public record LessonFlag(String name, String lessonId, String version, int percentage) {}
