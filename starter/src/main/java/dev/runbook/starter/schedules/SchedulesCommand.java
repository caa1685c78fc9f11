package dev.runbook.starter.schedules;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook schedules <command>`: the scheduled operations, on whichever path runs them. */
@Command(
    name = "schedules",
    header = "List, trigger, pause and unpause the scheduled operations.",
    description = {
      "The scheduled operations (seed 002: the daily health check) run as Temporal",
      "Schedules on a cluster, or as fallback scheduler workflows where the server",
      "has no Schedules API (the embedded stack); list says which."
    },
    subcommands = {SchedulesListCommand.class, ScheduleActionCommand.Trigger.class, ScheduleActionCommand.Pause.class,
        ScheduleActionCommand.Unpause.class},
    footerHeading = "%nExample:%n",
    footer = {"  runbook schedules pause daily-health-check --as alice --note \"db maintenance\""})
public class SchedulesCommand {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;
}
