package dev.runbook.starter.incident;

import dev.runbook.starter.CliException;
import dev.runbook.starter.ExitCodes;
import dev.runbook.starter.Json;
import dev.runbook.starter.RunbookCommand;
import dev.runbook.starter.TemporalConnection;
import dev.runbook.workflows.api.IncidentCommand;
import dev.runbook.workflows.api.IncidentMarkdown;
import dev.runbook.workflows.api.IncidentView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runbook incident report ID [-o json]`, and filing it with `--as NAME --root-cause TEXT`. */
@Command(
    name = "report",
    header = "Print an incident's post-incident report, or file its root cause.",
    description = {
      "Print the post-incident report: timeline of every event, actions taken by",
      "runbooks, pages sent, response target met or missed; Markdown, or JSON with",
      "-o json. With --as and --root-cause, file the report: the incident closes."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook incident report incident:learning-api:production --as alice \\",
        "      --root-cause \"connection pool exhausted by v1.6.0\""})
public class IncidentReportCommand extends RunbookCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Incident id, e.g. incident:learning-api:production.")
  String workflowId;

  @Option(names = "--as", paramLabel = "NAME", description = "Who files the report (with --root-cause).")
  String by;

  @Option(names = "--root-cause", paramLabel = "TEXT", description = "The root cause; files the report.")
  String rootCause;

  @Override
  protected int run() {
    if ((by == null) != (rootCause == null)) {
      throw CliException.badInput("filing a report needs both --as NAME and --root-cause TEXT");
    }
    try (TemporalConnection temporal = client.connect()) {
      IncidentRuns incidents = new IncidentRuns(temporal.client());
      IncidentView v;
      if (by != null) {
        IncidentOptions.identity(by);
        v = incidents.fileReport(workflowId, new IncidentCommand(by, rootCause));
      } else {
        v = incidents.view(workflowId);
      }
      out().print(client.json() ? Json.write(v) + "\n" : IncidentMarkdown.render(v));
      out().flush();
      return ExitCodes.SUCCEEDED;
    }
  }
}
