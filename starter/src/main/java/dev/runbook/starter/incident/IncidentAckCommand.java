package dev.runbook.starter.incident;

import dev.runbook.starter.ExitCodes;
import dev.runbook.starter.Json;
import dev.runbook.starter.RunbookCommand;
import dev.runbook.starter.TemporalConnection;
import dev.runbook.workflows.api.IncidentAck;
import dev.runbook.workflows.api.IncidentCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runbook incident ack ID --as NAME`. */
@Command(
    name = "ack",
    header = "Take an incident on: its escalation stops.",
    description = {
      "Acknowledge an incident: paging stops, and the response target is met or",
      "missed. Not resolved within the ack timeout, escalation starts again at level 1.",
      "Only people on the escalation policy may acknowledge (exit 64 otherwise)."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook incident ack incident:learning-api:production --as alice --note \"looking\""})
public class IncidentAckCommand extends RunbookCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Incident id, e.g. incident:learning-api:production.")
  String workflowId;

  @Option(names = "--as", required = true, paramLabel = "NAME", description = "Who acknowledges (on the escalation policy).")
  String by;

  @Option(names = "--note", paramLabel = "TEXT", description = "Note kept in the timeline.")
  String note;

  @Override
  protected int run() {
    IncidentOptions.identity(by);
    try (TemporalConnection temporal = client.connect()) {
      IncidentAck ack = new IncidentRuns(temporal.client()).acknowledge(workflowId, new IncidentCommand(by, note));
      if (client.json()) {
        out().println(Json.write(ack));
      } else {
        out().println("acknowledged " + workflowId + " as " + ack.by() + " at level " + ack.level() + ", "
            + ack.secondsFromOpen() + "s after open: response target " + ack.targetSeconds() + "s "
            + (ack.targetMet() ? "met" : "missed"));
      }
      out().flush();
      return ExitCodes.SUCCEEDED;
    }
  }
}
