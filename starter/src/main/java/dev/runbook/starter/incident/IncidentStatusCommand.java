package dev.runbook.starter.incident;

import dev.runbook.starter.ExitCodes;
import dev.runbook.starter.Json;
import dev.runbook.starter.RunbookCommand;
import dev.runbook.starter.TemporalConnection;
import dev.runbook.workflows.api.IncidentView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `runbook incident status ID`. */
@Command(
    name = "status",
    header = "Show an incident: state, pages sent, acknowledgement, timeline.",
    description = {"Show an incident: severity, state, every page sent with its due and sent",
        "times, the acknowledgement and response target, actions, and the timeline."},
    footerHeading = "%nExample:%n",
    footer = {"  runbook incident status incident:learning-api:production --output json"})
public class IncidentStatusCommand extends RunbookCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Incident id, e.g. incident:learning-api:production.")
  String workflowId;

  @Override
  protected int run() {
    try (TemporalConnection temporal = client.connect()) {
      IncidentView v = new IncidentRuns(temporal.client()).view(workflowId);
      out().print(client.json() ? Json.write(v) + "\n" : IncidentText.status(v));
      out().flush();
      return ExitCodes.SUCCEEDED;
    }
  }
}
