package dev.runbook.starter;

import dev.runbook.lessons.validation.Problem;
import dev.runbook.starter.stack.RunbookHome;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `runbook lessons <command>`: lesson content, checked and previewed locally (no Temporal, no
 * worker). The parent of `validate` and `render`, and what they share.
 */
@Command(
    name = "lessons",
    header = "Check lesson files and preview them as learners see them.",
    description = {
      "Check lesson files and preview them as learners see them. Works on the files",
      "alone: needs neither Temporal nor the worker. See lessons/README.md for the",
      "lesson format."
    },
    subcommands = {LessonsValidateCommand.class, LessonsRenderCommand.class},
    footerHeading = "%nExample:%n",
    footer = {"  runbook lessons validate lessons/content/02_bid_ask_spread.yaml --output json"})
public class LessonsCommand {
  /** The content tree under the repository root. */
  static final String CONTENT = "lessons/content";

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  /** `lessons/content` of the runbook repository, or exit 64 saying how to point at it. */
  static Path contentRoot() {
    return RunbookHome.find()
        .map(home -> home.resolve(CONTENT))
        .orElseThrow(() -> CliException.badInput(
            "cannot find the lessons: run ./runbook from the runbook repository, set RUNBOOK_HOME to its root,"
                + " or name the lesson files"));
  }

  /** {@code path} as problems show it: relative to the working directory when inside it. */
  static Path shown(Path path) {
    return shown(path, Path.of("").toAbsolutePath());
  }

  static Path shown(Path path, Path cwd) {
    Path dir = cwd.toAbsolutePath().normalize();
    Path absolute = dir.resolve(path).normalize();
    if (!absolute.startsWith(dir)) {
      return absolute;
    }
    Path relative = dir.relativize(absolute);
    return relative.toString().isEmpty() ? Path.of(".") : relative;
  }

  /** "1 lesson", "3 lessons". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The `-o json` document of a check: {@code {"checked":N,"problems":[{"file","line","message"}]}}. */
  record CheckJson(int checked, List<ProblemJson> problems) {
    static CheckJson of(int checked, List<Problem> problems) {
      return new CheckJson(checked, problems.stream().map(p -> new ProblemJson(p.file(), p.line(), p.message())).toList());
    }
  }

  record ProblemJson(String file, int line, String message) {}
}
