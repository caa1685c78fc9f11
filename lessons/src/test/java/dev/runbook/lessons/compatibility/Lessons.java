package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.validation.LessonValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Versions of the small test lesson, made by editing its text. */
final class Lessons {
  static final String BASE = read();

  private Lessons() {}

  /** The base lesson (1.1.0) with each pair of (old, new) text replaced and version {@code version}. */
  static Lesson edited(String version, String... replacements) {
    String text = BASE.replace("version: \"1.1.0\"\ntitle", "version: \"" + version + "\"\ntitle")
        .replace("changelog:\n", "changelog:\n  - version: \"" + version + "\"\n    date: \"2024-12-01\"\n"
            + "    changes: [\"Edited\"]\n");
    for (int i = 0; i < replacements.length; i += 2) {
      if (!text.contains(replacements[i])) {
        throw new IllegalArgumentException("not in the lesson: " + replacements[i]);
      }
      text = text.replace(replacements[i], replacements[i + 1]);
    }
    return LessonValidator.validate("edited-" + version + ".yaml", text).requireValid();
  }

  static Lesson base() {
    return LessonValidator.validate("base.yaml", BASE).requireValid();
  }

  private static String read() {
    try {
      return Files.readString(Path.of("src/test/resources/valid/reading_a_quote.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
