package dev.runbook.starter.incident;

import dev.runbook.starter.ExitCodes;
import dev.runbook.starter.Json;
import dev.runbook.starter.ListCommand;
import dev.runbook.starter.RunbookCommand;
import dev.runbook.starter.registry.RegistryClient;
import dev.runbook.starter.registry.RunRow;
import dev.runbook.workflows.api.Procedure;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `runbook incident list`: incidents from the release registry (the worker's Postgres, through its
 * HTTP API), newest first. Read from the registry because the embedded Temporal server does not
 * answer ListWorkflowExecutions.
 */
@Command(
    name = "list",
    header = "Recent incidents from the release registry, newest first.",
    description = {"Recent incidents from the release registry, newest first: open ones have no",
        "outcome yet. Read through the runbook worker's HTTP API."},
    footerHeading = "%nExample:%n",
    footer = {"  runbook incident list --env production"})
public class IncidentListCommand extends RunbookCommand {

  @Option(names = "--service", paramLabel = "SERVICE", description = "Only incidents of this service.")
  String service;

  @Option(names = {"--env", "--environment"}, paramLabel = "ENV", description = "Only incidents in this environment.")
  String environment;

  @Option(names = "--worker-url", paramLabel = "URL", defaultValue = "${env:RUNBOOK_WORKER_URL}",
      description = "Runbook worker HTTP address (env RUNBOOK_WORKER_URL). Default: the running `runbook dev`.")
  String workerUrl;

  @Override
  protected int run() {
    // the registry filters by service and environment; incidents are picked from its newest runs
    List<RunRow> incidents = new RegistryClient(ListCommand.workerUrl(workerUrl)).runs(1000, service, environment)
        .rows().stream().filter(r -> Procedure.INCIDENT_RESPONSE.cliName().equals(r.procedure())).limit(50).toList();
    if (client.json()) {
      out().println(Json.write(incidents));
    } else if (incidents.isEmpty()) {
      out().println("no incidents");
    } else {
      out().println(String.format("%-40s %-5s %-12s %-24s %s", "INCIDENT", "SEV", "OPENED BY", "STARTED", "OUTCOME"));
      for (RunRow r : incidents) {
        out().println(String.format("%-40s %-5s %-12s %-24s %s", r.workflowId(), r.version(), r.requestedBy(),
            r.startedAt(), r.outcome() == null ? "open" : r.outcome() + ": " + r.outcomeReason()));
      }
    }
    out().flush();
    return ExitCodes.SUCCEEDED;
  }
}
