package dev.runbook.starter.incident;

import dev.runbook.starter.ExitCodes;
import dev.runbook.starter.Json;
import dev.runbook.starter.RunbookCommand;
import dev.runbook.starter.TemporalConnection;
import dev.runbook.workflows.api.IncidentCommand;
import dev.runbook.workflows.api.IncidentView;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runbook incident resolve ID --as NAME --summary TEXT`. */
@Command(
    name = "resolve",
    header = "Mark an incident fixed; its post-incident report is then due.",
    description = {
      "Resolve an incident with a summary. The post-incident report is then due",
      "(24h in production), with reminders until someone files it with",
      "`runbook incident report ID --as NAME --root-cause TEXT`."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook incident resolve incident:learning-api:production --as alice \\",
        "      --summary \"rolled back v1.6.0\""})
public class IncidentResolveCommand extends RunbookCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Incident id, e.g. incident:learning-api:production.")
  String workflowId;

  @Option(names = "--as", required = true, paramLabel = "NAME", description = "Who resolves (on the escalation policy).")
  String by;

  @Option(names = "--summary", required = true, paramLabel = "TEXT", description = "How it was resolved.")
  String summary;

  @Override
  protected int run() {
    IncidentOptions.identity(by);
    try (TemporalConnection temporal = client.connect()) {
      IncidentView v = new IncidentRuns(temporal.client()).resolve(workflowId, new IncidentCommand(by, summary));
      if (client.json()) {
        out().println(Json.write(v));
      } else {
        out().println("resolved " + workflowId + " as " + by + "; post-incident report due "
            + (v.reportDueAtMillis() == null ? "after resolve" : "by " + Instant.ofEpochMilli(v.reportDueAtMillis())));
        out().println("  file it: runbook incident report " + workflowId + " --as NAME --root-cause TEXT");
      }
      out().flush();
      return ExitCodes.SUCCEEDED;
    }
  }
}
