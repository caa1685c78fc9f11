package dev.runbook.starter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook release <subcommand>`: what a release leaves behind. */
@Command(
    name = "release",
    header = "Read what a release archived.",
    description = {"Read what a release archived: its deployment logs."},
    subcommands = {ReleaseLogCommand.class},
    footerHeading = "%nExample:%n",
    footer = {"  runbook release log release:learning-api:staging --worker-url http://127.0.0.1:8081"})
public class ReleaseCommand {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;
}
