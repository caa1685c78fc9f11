package dev.runbook.starter;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `runbook`: the root command. {@link #commandLine()} is what main and the tests execute. */
@Command(
    name = "runbook",
    mixinStandardHelpOptions = true,
    versionProvider = RunbookCli.Version.class,
    description = {
      "Durable deployment runbooks on Temporal. Start code deploys, emergency deploys,",
      "rollbacks and lesson updates, approve or abort them, and watch them; open and",
      "acknowledge incidents with `incident`; check lesson content with `lessons`; or",
      "run the whole stack locally with `dev` and `demo`."
    },
    subcommands = {
      StartCommand.class,
      PromoteCommand.class,
      AbortCommand.class,
      StatusCommand.class,
      ListCommand.class,
      ReleaseCommand.class,
      dev.runbook.starter.incident.IncidentGroupCommand.class,
      LessonsCommand.class,
      DevCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:succeeded",
      " 1:unexpected error (message on stderr)",
      " 2:rolled back",
      " 3:aborted",
      " 4:failed",
      "64:bad input (a specific message on stderr)",
      "69:Temporal (or the runbook worker) unreachable"
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start code-deploy --service learning-api --version v1.5.1 \\",
      "      --env production --wait",
      "",
      "Run `runbook COMMAND --help` for a command's flags."
    })
public class RunbookCli implements Runnable {
  /** Help is wrapped at this many columns. */
  public static final int HELP_WIDTH = 80;

  private static final List<String> SECTIONS = List.of(
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION_HEADING,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER);

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line: help style, exit codes, error handling. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new RunbookCli());
    cmd.setExitCodeExceptionMapper(new ExitCodeMapper());
    cmd.setExecutionExceptionHandler(new ExitCodeMapper());
    cmd.setParameterExceptionHandler(new ExitCodeMapper());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setUsageHelpWidth(HELP_WIDTH);
    cmd.setUsageHelpAutoWidth(false);
    style(cmd);
    return cmd;
  }

  /** Temporal-CLI-like help (the one-line header is the summary in command lists): description first, then usage, flags, commands, example. */
  private static void style(CommandLine cmd) {
    cmd.setHelpSectionKeys(SECTIONS);
    CommandLine.Model.UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
    usage.abbreviateSynopsis(true);
    usage.synopsisHeading("%nUsage:%n  ");
    usage.parameterListHeading("%nArguments:%n");
    usage.optionListHeading("%nFlags:%n");
    usage.commandListHeading("%nCommands:%n");
    usage.descriptionHeading("");
    usage.width(HELP_WIDTH);
    usage.autoWidth(false);
    cmd.getSubcommands().values().forEach(RunbookCli::style);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** `runbook --version`. */
  static class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = RunbookCli.class.getPackage().getImplementationVersion();
      return new String[] {"runbook " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
