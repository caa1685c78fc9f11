package dev.runbook.starter;

import dev.runbook.starter.registry.RegistryClient;
import dev.runbook.starter.render.RunsTable;
import dev.runbook.starter.stack.RunbookHome;
import dev.runbook.starter.stack.StackFile;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook list`: the release registry, newest first. */
@Command(
    name = "list",
    header = "Recent runs from the release registry, newest first.",
    description = {
      "Show recent runs from the release registry, newest first: who deployed what",
      "where, and how it ended. Read through the runbook worker's HTTP API."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook list --service learning-api --env production --limit 10"})
public class ListCommand extends RunbookCommand {
  static final String DEFAULT_WORKER_URL = "http://127.0.0.1:8081";

  @Option(names = "--service", paramLabel = "SERVICE", description = "Only runs of this service.")
  String service;

  @Option(names = {"--env", "--environment"}, paramLabel = "ENV", description = "Only runs in this environment.")
  String environment;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N rows. Default: ${DEFAULT-VALUE}")
  int limit;

  @Option(
      names = "--worker-url",
      paramLabel = "URL",
      defaultValue = "${env:RUNBOOK_WORKER_URL}",
      description = "Runbook worker HTTP address (env RUNBOOK_WORKER_URL). Default: the running `runbook dev`, else "
          + DEFAULT_WORKER_URL)
  String workerUrl;

  @Override
  protected int run() {
    if (limit < 1 || limit > 1000) {
      throw CliException.badInput("--limit must be between 1 and 1000, got " + limit);
    }
    RegistryClient.Runs runs = new RegistryClient(workerUrl()).runs(limit, service, environment);
    if (client.json()) {
      out().println(Json.write(runs.json()));
    } else {
      out().print(new RunsTable(client.ansi(), ZoneId.systemDefault()).render(runs.rows()));
    }
    out().flush();
    return ExitCodes.SUCCEEDED;
  }

  String workerUrl() {
    return workerUrl(workerUrl);
  }

  /** {@code flag} when given, else the running `runbook dev`'s worker, else {@link #DEFAULT_WORKER_URL}. */
  public static String workerUrl(String flag) {
    if (flag != null && !flag.isBlank()) {
      return flag;
    }
    return RunbookHome.find()
        .flatMap(StackFile::read)
        .map(StackFile.Contents::workerUrl)
        .filter(url -> url != null && !url.isBlank())
        .orElse(DEFAULT_WORKER_URL);
  }
}
