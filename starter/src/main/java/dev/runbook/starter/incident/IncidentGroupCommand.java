package dev.runbook.starter.incident;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook incident <command>`: the on-call side of IncidentResponse. */
@Command(
    name = "incident",
    header = "Open, acknowledge, resolve and report incidents.",
    description = {
      "Open an incident for a service in an environment (a second page joins the",
      "open one), acknowledge it to stop escalation, resolve it, and file or print",
      "its post-incident report. Who may act is the environment's escalation policy."
    },
    subcommands = {IncidentOpenCommand.class, IncidentAckCommand.class, IncidentResolveCommand.class,
        IncidentStatusCommand.class, IncidentReportCommand.class, IncidentListCommand.class},
    footerHeading = "%nExample:%n",
    footer = {"  runbook incident open --severity 1 --service learning-api --env production \\",
        "      --summary \"error rate 12% after v1.6.0\""})
public class IncidentGroupCommand {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;
}
