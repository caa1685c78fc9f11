package dev.runbook.lessons.validation;

import dev.runbook.lessons.model.Lesson;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verdict on several lesson files: one {@link ValidationReport} per file plus problems that
 * only show across files (duplicate ids, archive placement).
 */
public record ContentReport(List<ValidationReport> reports, List<Problem> crossFileProblems) {
  public ContentReport {
    reports = List.copyOf(reports);
    crossFileProblems = List.copyOf(crossFileProblems);
  }

  public boolean isValid() {
    return problems().isEmpty();
  }

  /** Every problem, by file then line. */
  public List<Problem> problems() {
    return Stream.concat(reports.stream().flatMap(r -> r.problems().stream()), crossFileProblems.stream())
        .sorted().toList();
  }

  /** The valid lessons, in file order. */
  public List<Lesson> lessons() {
    return reports.stream().map(ValidationReport::lesson).flatMap(Optional::stream).toList();
  }

  public String format() {
    return problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
