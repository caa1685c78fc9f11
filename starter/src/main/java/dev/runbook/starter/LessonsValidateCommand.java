package dev.runbook.starter;

import dev.runbook.lessons.validation.ContentReport;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.lessons.validation.Problem;
import dev.runbook.lessons.validation.ValidationReport;
import dev.runbook.starter.render.Ansi;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `runbook lessons validate [FILE...]`. */
@Command(
    name = "validate",
    header = "Check lessons and list every problem as file:line: message.",
    description = {
      "Check lessons: YAML syntax, required fields, the version and its changelog",
      "entry, quiz answers and ids, live market-data references. Without FILE, checks",
      "the whole content tree (lessons/content of the runbook repository, archived",
      "versions and the checks across files included). Prints every problem as",
      "file:line: message, then how many lessons and problems there were. Exits 0",
      "when every lesson is valid, 64 otherwise."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook lessons validate",
      "  runbook lessons validate lessons/content/02_bid_ask_spread.yaml --output json"
    })
public class LessonsValidateCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Lesson files, or content directories to check as a whole. Default: the content tree.")
  List<Path> files = List.of();

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ContentReport report = files.isEmpty()
        ? LessonValidator.validateContent(LessonsCommand.shown(LessonsCommand.contentRoot()))
        : check(files);
    List<Problem> problems = report.problems();
    int checked = report.reports().size();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      out.println(Json.write(LessonsCommand.CheckJson.of(checked, problems)));
    } else {
      problems.forEach(out::println);
      Ansi ansi = output.ansi();
      String summary =
          LessonsCommand.count(checked, "lesson") + " checked, " + LessonsCommand.count(problems.size(), "problem");
      out.println(report.isValid() ? ansi.green(summary) : ansi.red(summary));
    }
    out.flush();
    return report.isValid() ? ExitCodes.SUCCEEDED : ExitCodes.BAD_INPUT;
  }

  /** Each file on its own; each directory as a content tree (with the checks across its files). */
  private static ContentReport check(List<Path> paths) {
    List<Path> single = new ArrayList<>();
    List<ValidationReport> reports = new ArrayList<>();
    List<Problem> crossFile = new ArrayList<>();
    for (Path path : paths) {
      Path shown = LessonsCommand.shown(path);
      if (Files.isDirectory(shown)) {
        ContentReport tree = LessonValidator.validateContent(shown);
        reports.addAll(tree.reports());
        crossFile.addAll(tree.crossFileProblems());
      } else {
        single.add(shown);
      }
    }
    reports.addAll(LessonValidator.validateFiles(single).reports());
    return new ContentReport(reports, crossFile);
  }
}
