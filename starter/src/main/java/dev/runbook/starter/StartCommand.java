package dev.runbook.starter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook start <procedure>`: the parent of one subcommand per procedure. */
@Command(
    name = "start",
    header = "Launch a deploy, a rollback or a lesson update.",
    description = {
      "Launch a runbook: a code deploy, an emergency deploy, a rollback or a lesson",
      "update. Each prints the workflow id and a Temporal UI link (with --ui-url or",
      "RUNBOOK_UI_URL; otherwise the commands that show the run); --wait follows the",
      "run to its end."
    },
    subcommands = {
      StartCodeDeployCommand.class,
      StartEmergencyDeployCommand.class,
      StartRollbackCommand.class,
      StartLessonUpdateCommand.class,
      StartProgressMigrationCommand.class,
      StartMultiPlatformCommand.class,
      StartConfigUpdateCommand.class,
      StartSchemaMigrationCommand.class,
      StartReleaseCommand.class
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start code-deploy --service learning-api --version v1.5.1 \\",
      "      --env production --wait",
      "  runbook start lesson-update lessons/content/02_bid_ask_spread.yaml \\",
      "      --env local --wait"
    })
public class StartCommand {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;
}
