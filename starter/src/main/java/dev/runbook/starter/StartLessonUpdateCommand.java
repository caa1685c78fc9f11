package dev.runbook.starter;

import dev.runbook.starter.run.LessonSource;
import dev.runbook.starter.run.RunSpec;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `runbook start lesson-update FILE`. */
@Command(
    name = "lesson-update",
    header = "Publish a lesson file the way its version bump demands.",
    description = {
      "Publish a lesson file to an environment's lesson store the way its version",
      "bump demands: a patch at once without notice, a minor at once with an",
      "\"Updated\" badge, a major behind a feature flag rolled out 10%% → 50%% → 100%%",
      "with approval gates. The file is checked here first: any problem is listed as",
      "file:line: message and nothing is started (exit 64). The run is named after",
      "the lesson id inside the file: lesson:<id>:<env>."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start lesson-update lessons/content/02_bid_ask_spread.yaml \\",
      "      --env production --as alice --wait"
    })
public class StartLessonUpdateCommand extends StartRunCommand {

  @Parameters(index = "0", paramLabel = "FILE", description = "The lesson file to publish (YAML, UTF-8).")
  Path file;

  @Override
  protected RunSpec runSpec() {
    return LessonSource.read(LessonsCommand.shown(file)).runSpec(environment, requestedBy, requestId);
  }
}
