package dev.runbook.activities.lessons;

/** One row of {@code platform.lessons}: what new learners get, and what they got before. */
record CurrentLesson(String lessonId, String currentVersion, String previousVersion) {}
