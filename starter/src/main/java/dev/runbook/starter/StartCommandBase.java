package dev.runbook.starter;

import dev.runbook.starter.render.Ansi;
import dev.runbook.starter.render.ProgressLines;
import dev.runbook.starter.render.StatusRenderer;
import dev.runbook.starter.run.RunFollower;
import dev.runbook.starter.run.RunLauncher;
import dev.runbook.starter.run.RunSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What every `runbook start <procedure>` shares: requester, request id, validation, single-flight
 * start, and `--wait`. What the run acts on (a service in an environment, a lesson file, a release
 * through several environments) is the subcommand's.
 */
public abstract class StartCommandBase extends RunbookCommand {
  static final Duration POLL = Duration.ofMillis(500);

  @Option(
      names = {"--as", "--requested-by"},
      paramLabel = "NAME",
      defaultValue = "${env:USER:-cli}",
      description = "Who asks (recorded, and never allowed to approve it in production). Default: $USER or cli")
  String requestedBy;

  @Option(
      names = "--request-id",
      paramLabel = "ID",
      description = "Identifies this request (e.g. the CI job); a retry with the same id follows the run already started. Default: a hash of the command and requester")
  String requestId;

  @Option(names = "--wait", description = "Stream progress until the run ends and exit with its outcome's code.")
  boolean await;

  /** The run this command asks for. */
  protected abstract RunSpec runSpec();

  @Override
  protected int run() {
    RunSpec spec = runSpec();
    List<String> problems = spec.problems();
    if (!problems.isEmpty()) {
      throw CliException.badInput("invalid request:\n  - " + String.join("\n  - ", problems));
    }
    try (TemporalConnection temporal = client.connect()) {
      RunLauncher.Started started = new RunLauncher(temporal.client(), client.taskQueue()).start(spec);
      PrintWriter progress = client.json() ? err() : out();
      Ansi ansi = client.json() ? Ansi.PLAIN : client.ansi();
      if (started.followed()) {
        progress.println("following the run already started for this request: " + started.workflowId());
      } else if (!client.json()) {
        progress.println("started " + ansi.bold(started.workflowId()) + " (run " + started.runId() + ")");
      }
      if (!client.json()) {
        progress.println("  " + spec.summary() + ", requested by " + spec.requestedBy() + ", request " + spec.requestId());
        progress.println("  " + client.runPointer().line(started.workflowId()));
      }
      progress.flush();
      if (!await) {
        if (client.json()) {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("workflowId", started.workflowId());
          json.put("runId", started.runId());
          json.put("requestId", spec.requestId());
          json.put("followed", started.followed());
          client.runPointer().uiLink(started.workflowId()).ifPresent(url -> json.put("url", url));
          json.put("statusCommand", client.runPointer().statusCommand(started.workflowId()));
          out().println(Json.write(json));
        }
        return ExitCodes.SUCCEEDED;
      }
      return await(temporal, started, progress, ansi);
    }
  }

  private int await(TemporalConnection temporal, RunLauncher.Started started, PrintWriter progress, Ansi ansi) {
    StatusRenderer renderer = new StatusRenderer(ansi, ZoneId.systemDefault());
    ProgressLines lines = new ProgressLines(renderer, ansi);
    RunFollower.Finish finish =
        new RunFollower(temporal.client(), POLL)
            .follow(
                started.workflowId(),
                started.runId(),
                (before, now) -> {
                  lines.diff(before, now).forEach(progress::println);
                  progress.flush();
                },
                null);
    if (client.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("workflowId", finish.workflowId());
      json.put("runId", finish.runId());
      json.put("exitCode", finish.exitCode());
      json.put("outcome", finish.outcome());
      if (finish.refusal() != null) {
        json.put("refusal", finish.refusal());
        json.put("refusalReason", finish.refusal().description());
      }
      json.put("status", finish.status());
      json.put("result", finish.result());
      json.put("error", finish.error());
      out().println(Json.write(json));
    } else {
      if (finish.status() != null) {
        out().println();
        out().print(renderer.render(finish.status()));
      }
      out().println();
      if (finish.refusal() != null) {
        out().println(finish.workflowId() + " REFUSED (" + finish.refusal().description() + "), nothing changed: "
            + finish.error() + " (exit " + finish.exitCode() + ")");
      } else if (finish.error() != null) {
        out().println(finish.workflowId() + " failed: " + finish.error() + " (exit " + finish.exitCode() + ")");
      } else {
        String outcome = finish.result() == null || finish.result().outcome() == null ? "FAILED" : finish.result().outcome().name();
        String reason = finish.result() == null || finish.result().reason() == null ? "" : ": " + finish.result().reason();
        out().println(finish.workflowId() + " " + outcome + reason + " (exit " + finish.exitCode() + ")");
      }
    }
    out().flush();
    return finish.exitCode();
  }
}
