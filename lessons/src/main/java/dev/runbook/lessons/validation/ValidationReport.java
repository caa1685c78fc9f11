package dev.runbook.lessons.validation;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.yaml.SourceLines;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdict on one lesson file: every problem, in line order, or the valid lesson.
 */
public final class ValidationReport {
  private final String file;
  private final Lesson lesson;
  private final List<Problem> problems;
  private final SourceLines lines;

  ValidationReport(String file, Lesson lesson, List<Problem> problems, SourceLines lines) {
    this.file = file;
    this.problems = problems.stream().sorted().toList();
    this.lesson = this.problems.isEmpty() ? lesson : null;
    this.lines = lines;
  }

  public String file() {
    return file;
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The lesson, present only when the file is valid. */
  public Optional<Lesson> lesson() {
    return Optional.ofNullable(lesson);
  }

  /** The lesson, or an {@link InvalidLessonException} listing every problem. */
  public Lesson requireValid() {
    if (lesson == null) {
      throw new InvalidLessonException(this);
    }
    return lesson;
  }

  /** One {@code file:line: message} line per problem. */
  public String format() {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  SourceLines lines() {
    return lines;
  }

  @Override
  public String toString() {
    return isValid() ? file + ": valid" : format();
  }
}
