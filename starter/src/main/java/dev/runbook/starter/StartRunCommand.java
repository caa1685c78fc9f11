package dev.runbook.starter;

import picocli.CommandLine.Option;

/** The start commands of a run in one environment (every procedure but a release, which goes through several). */
public abstract class StartRunCommand extends StartCommandBase {

  @Option(names = {"--env", "--environment"}, required = true, paramLabel = "ENV", description = "Environment, e.g. local, staging, production.")
  String environment;
}
