package dev.runbook.starter;

import picocli.CommandLine.Option;

/** The start commands that act on a running service (deploys, rollbacks): they name it. */
public abstract class StartServiceCommand extends StartRunCommand {

  @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "Service to act on, e.g. learning-api.")
  String service;

  /** An option given as blank ("--to-version ''") means "not given". */
  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
