package dev.runbook.activities.lessons;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.workflows.lessonupdate.LessonCandidate;

/** Argument checks: a bad argument fails the same way on every retry, so it fails non-retryably. */
final class Inputs {
  private Inputs() {}

  static String text(String name, String value) {
    if (value == null || value.isBlank()) {
      throw LessonFailures.refuse(LessonFailures.INVALID_INPUT, name + " is required");
    }
    return value;
  }

  static SemanticVersion version(String version) {
    return SemanticVersion.tryParse(version).orElseThrow(() -> LessonFailures.refuse(LessonFailures.INVALID_INPUT,
        "'" + version + "' is not a lesson version such as 1.0.1"));
  }

  static void percentage(int percentage) {
    if (percentage < 0 || percentage > 100) {
      throw LessonFailures.refuse(LessonFailures.INVALID_INPUT, "a flag percentage is within 0-100, got " + percentage);
    }
  }

  /** The text to store is the text {@code check} accepted: same checksum, so nothing unchecked is published. */
  static void matches(LessonCandidate candidate, String yaml) {
    if (candidate == null || candidate.lessonId() == null || candidate.version() == null || candidate.change() == null
        || candidate.checksum() == null || candidate.title() == null) {
      throw LessonFailures.refuse(LessonFailures.INVALID_INPUT,
          "a candidate from check (lessonId, title, version, change, checksum) is required, got " + candidate);
    }
    String actual = Checksums.sha256(text("lessonYaml", yaml));
    if (!actual.equals(candidate.checksum())) {
      throw LessonFailures.refuse(LessonFailures.INVALID_INPUT, "the lesson text (checksum " + actual
          + ") is not the text check accepted (checksum " + candidate.checksum() + ")");
    }
  }
}
