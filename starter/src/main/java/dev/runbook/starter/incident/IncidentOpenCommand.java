package dev.runbook.starter.incident;

import dev.runbook.starter.CliException;
import dev.runbook.starter.ExitCodes;
import dev.runbook.starter.Json;
import dev.runbook.starter.RunbookCommand;
import dev.runbook.starter.TemporalConnection;
import dev.runbook.starter.run.RunLauncher;
import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunTarget;
import dev.runbook.workflows.incident.IncidentOpener;
import io.temporal.client.WorkflowUpdateException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook incident open`: opens the incident of a service in an environment, or joins the open one. */
@Command(
    name = "open",
    header = "Start an incident, or join the one already open.",
    description = {
      "Open an incident: severity 1 (5 min response target; rolls back the running",
      "deploy, pages, escalates), 2 (15 min; assesses, pages level 1) or 3 (30 min;",
      "notifies). One incident is open per service and environment: opening again",
      "joins it (a resolved one awaiting its report is reopened)."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook incident open --severity 1 --service learning-api --env production \\",
        "      --summary \"error rate 12% after v1.6.0\""})
public class IncidentOpenCommand extends RunbookCommand {

  @Option(names = "--severity", required = true, paramLabel = "N", description = "1, 2 or 3.")
  Integer severity;

  @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "Service, e.g. learning-api.")
  String service;

  @Option(names = {"--env", "--environment"}, required = true, paramLabel = "ENV", description = "Environment, e.g. production.")
  String environment;

  @Option(names = "--summary", required = true, paramLabel = "TEXT", description = "What is wrong: the first line of every page.")
  String summary;

  @Option(names = "--as", defaultValue = "${sys:user.name}", paramLabel = "NAME", description = "Who opens it. Default: your user name.")
  String requestedBy;

  @Override
  protected int run() {
    RunTarget target = new RunTarget(service, environment, "sev" + severity);
    RunSpec spec = RunSpec.of(Procedure.INCIDENT_RESPONSE, target, requestedBy, null,
        id -> new IncidentRequest(severity, service, environment, summary, requestedBy, id, null, null));
    List<String> problems = Procedure.INCIDENT_RESPONSE.problems(spec.request());
    if (!problems.isEmpty()) {
      throw CliException.badInput("invalid incident: " + String.join("; ", problems));
    }
    try (TemporalConnection temporal = client.connect()) {
      RunLauncher launcher = new RunLauncher(temporal.client(), client.taskQueue());
      IncidentJoin join;
      try {
        join = new IncidentOpener(temporal.client(), id -> launcher.options(spec)).openOrJoin((IncidentRequest) spec.request());
      } catch (WorkflowUpdateException refused) {
        throw CliException.badInput("the open incident refused the page: "
            + dev.runbook.starter.run.Failures.message(refused.getCause() == null ? refused : refused.getCause()));
      }
      // a refusal (unknown service or environment, no escalation policy) comes from the run itself
      new IncidentRuns(temporal.client()).awaitOpened(join.workflowId());
      if (client.json()) {
        out().println(Json.write(join));
      } else {
        out().println((join.joined() ? "joined the open incident " : "opened incident ") + join.workflowId()
            + " (sev" + severity + ", " + join.state().name().toLowerCase() + ")");
        out().println("  acknowledge: runbook incident ack " + join.workflowId() + " --as NAME");
        out().println("  status:      runbook incident status " + join.workflowId());
      }
      out().flush();
      return ExitCodes.SUCCEEDED;
    }
  }
}
