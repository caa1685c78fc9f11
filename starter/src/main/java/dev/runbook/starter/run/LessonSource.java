package dev.runbook.starter.run;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.lessons.validation.ValidationReport;
import dev.runbook.starter.CliException;
import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunTarget;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A lesson file to publish: the name its problems are reported under and its text exactly as the
 * run carries it. The text is read once, checked here and sent as is, so the run validates and
 * publishes what was checked, not whatever the file holds by then.
 *
 * @param file the path as messages show it ({@code lessons/content/03_market_makers.yaml})
 * @param yaml the file's content
 */
public record LessonSource(String file, String yaml) {

  /** Reads {@code path} (UTF-8, strictly); a file that cannot be read is bad input at line 1. */
  public static LessonSource read(Path path) {
    try {
      return new LessonSource(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (MalformedInputException e) {
      throw unreadable(path, "not UTF-8 text");
    } catch (NoSuchFileException e) {
      throw unreadable(path, "no such file");
    } catch (IOException e) {
      throw unreadable(path, "cannot read the file: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /** The file name alone: what the request's {@code lessonFile} carries into messages and history. */
  public String fileName() {
    Path name = Path.of(file).getFileName();
    return name == null ? file : name.toString();
  }

  /**
   * The lesson-update run that publishes this file to {@code environment}: lesson id and version
   * come from the lesson itself. An invalid lesson is bad input listing every problem as
   * {@code file:line: message}, before anything is sent to Temporal.
   */
  public RunSpec runSpec(String environment, String requestedBy, String requestId) {
    ValidationReport report = LessonValidator.validate(file, yaml);
    if (!report.isValid()) {
      throw CliException.badInput(report.format());
    }
    Lesson lesson = report.lesson().orElseThrow();
    return lessonUpdate(lesson.id(), lesson.version().toString(), environment, requestedBy, requestId);
  }

  /** Publishing this file (lesson {@code lessonId} at {@code version}) to {@code environment}. */
  public RunSpec lessonUpdate(
      String lessonId, String version, String environment, String requestedBy, String requestId) {
    return RunSpec.of(Procedure.LESSON_UPDATE, new RunTarget(lessonId, environment, version), requestedBy, requestId,
            yaml, id -> new LessonUpdateRequest(lessonId, fileName(), yaml, environment, requestedBy, id))
        .withLesson(this);
  }

  /** Without the text: a lesson is a few kilobytes, too much for a log line. */
  @Override
  public String toString() {
    return file + " (" + yaml.length() + " characters)";
  }

  private static CliException unreadable(Path path, String why) {
    return CliException.badInput(path + ":1: " + why);
  }
}
