package dev.runbook.starter;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.lessons.validation.ValidationReport;
import dev.runbook.starter.run.LessonSource;
import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.ReleaseRequest;
import dev.runbook.workflows.api.RunTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook start release`. */
@Command(
    name = "release",
    header = "Take a version through dev, staging and production, five phases each.",
    description = {
      "Take a version of a service through dev, then staging, then production",
      "(up to --through), with seed 004's five phases in each: preparation,",
      "pre-deployment, deployment (the code deploy, lesson files and a migration as",
      "child runs), verification and post-deployment. Staging tests its rollback;",
      "production waits for its approvers and for the promotions of its code deploy,",
      "and its extended monitoring can still roll it back. A failure rolls back the",
      "environment it happened in; earlier ones keep the new version."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start release --service learning-api --version v1.5.1 \\",
      "      --through production --wait"
    })
public class StartReleaseCommand extends StartCommandBase {

  @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "Service to release, e.g. learning-api.")
  String service;

  @Option(names = "--version", required = true, paramLabel = "VERSION", description = "Release to deploy, e.g. v1.5.1.")
  String version;

  @Option(names = "--through", paramLabel = "ENV", defaultValue = "production",
      description = "Last environment: dev, staging or production. Default: production.")
  String through;

  @Option(names = "--lesson", paramLabel = "FILE", description = "A lesson file to publish in each environment (repeatable).")
  List<Path> lessons;

  @Option(names = "--migration", paramLabel = "SCHEMA", description = "A platform schema release to migrate to first, e.g. 1.1.")
  String migration;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded; an emergency's reason).")
  String reason;

  @Override
  protected RunSpec runSpec() {
    List<ReleaseRequest.ReleaseLesson> files = lessons == null ? null : new ArrayList<>();
    StringBuilder content = new StringBuilder();
    for (Path file : lessons == null ? List.<Path>of() : lessons) {
      LessonSource source = LessonSource.read(LessonsCommand.shown(file));
      ValidationReport report = LessonValidator.validate(source.file(), source.yaml());
      if (!report.isValid()) {
        throw CliException.badInput(report.format());
      }
      Lesson lesson = report.lesson().orElseThrow();
      files.add(new ReleaseRequest.ReleaseLesson(lesson.id(), source.fileName(), source.yaml()));
      content.append(source.yaml());
    }
    RunSpec spec = RunSpec.of(Procedure.RELEASE, new RunTarget(service, through, version), requestedBy, requestId,
        content.length() == 0 ? null : content.toString(), id -> new ReleaseRequest(service, version, through, files,
            StartServiceCommand.blankToNull(migration), StartServiceCommand.blankToNull(reason), requestedBy, id));
    return reason == null ? spec : spec.withReason(reason);
  }
}
