package dev.runbook.lessons.yaml;

import dev.runbook.lessons.model.Lesson;
import java.util.List;

/**
 * What {@link LessonYamlReader} made of a file.
 *
 * @param lesson everything that could be read; fields that were missing or malformed are null and
 *     list items that were malformed are left out. Null when the file is not YAML or not a mapping.
 *     Only a lesson without issues (after {@code LessonRules} too) is a valid one.
 * @param lines where each part was written
 * @param issues structural problems: syntax, missing or unknown fields, formats
 */
public record ParsedLesson(Lesson lesson, SourceLines lines, List<YamlIssue> issues) {
  public ParsedLesson {
    issues = List.copyOf(issues);
  }
}
