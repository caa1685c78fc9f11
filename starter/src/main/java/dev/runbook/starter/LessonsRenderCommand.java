package dev.runbook.starter;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.render.LessonRenderer;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.lessons.validation.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `runbook lessons render FILE`. */
@Command(
    name = "render",
    header = "Print a lesson as a learner sees it.",
    description = {
      "Print a lesson as a learner sees it: title, sections in order, live market",
      "data as [SYMBOL.field] placeholders, and the quiz with numbered options (the",
      "answers are not shown). An invalid lesson is not rendered: its problems are",
      "listed as file:line: message on stderr (in the JSON with --output json) and",
      "the exit code is 64."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook lessons render lessons/content/02_bid_ask_spread.yaml",
      "  runbook lessons render lessons/content/02_bid_ask_spread.yaml --output json"
    })
public class LessonsRenderCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The lesson file to show.")
  Path file;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ValidationReport report = LessonValidator.validate(LessonsCommand.shown(file));
    PrintWriter out = spec.commandLine().getOut();
    if (!report.isValid()) {
      if (output.json()) {
        out.println(Json.write(LessonsCommand.CheckJson.of(1, report.problems())));
        out.flush();
      } else {
        PrintWriter err = spec.commandLine().getErr();
        err.println(report.format());
        err.flush();
      }
      return ExitCodes.BAD_INPUT;
    }
    Lesson lesson = report.lesson().orElseThrow();
    String text = LessonRenderer.render(lesson);
    if (output.json()) {
      out.println(Json.write(new RenderJson(report.file(), lesson.id(), lesson.version().toString(), lesson.title(), text)));
    } else {
      out.print(text);
    }
    out.flush();
    return ExitCodes.SUCCEEDED;
  }

  /** The `-o json` document of a rendered lesson. */
  record RenderJson(String file, String id, String version, String title, String text) {}
}
