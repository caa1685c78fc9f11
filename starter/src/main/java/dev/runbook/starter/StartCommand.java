package dev.runbook.starter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook start <procedure>`: the parent of one subcommand per procedure. */
@Command(
    name = "start",
    header = "Launch a code deploy, an emergency deploy or a rollback.",
    description = {
      "Launch a runbook: a code deploy, an emergency deploy or a rollback. Each prints",
      "the workflow id and a Temporal UI link; --wait follows the run to its end."
    },
    subcommands = {StartCodeDeployCommand.class, StartEmergencyDeployCommand.class, StartRollbackCommand.class},
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start code-deploy --service learning-api --version v1.5.1 \\",
      "      --env production --wait"
    })
public class StartCommand {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;
}
