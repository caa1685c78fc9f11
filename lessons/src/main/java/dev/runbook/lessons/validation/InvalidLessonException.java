package dev.runbook.lessons.validation;

import java.util.List;

/** A lesson file that is not valid; the message lists every problem as {@code file:line: message}. */
public class InvalidLessonException extends RuntimeException {
  private final transient List<Problem> problems;

  public InvalidLessonException(ValidationReport report) {
    super(report.problems().size() + " problem(s) in " + report.file() + ":\n" + report.format());
    this.problems = report.problems();
  }

  public List<Problem> problems() {
    return problems;
  }
}
