package dev.runbook.starter.incident;

import dev.runbook.starter.CliException;
import dev.runbook.workflows.api.RequestValidation;

/** Checks the incident commands share, before anything is sent. */
final class IncidentOptions {
  private IncidentOptions() {}

  static void identity(String who) {
    if (!RequestValidation.isIdentity(who)) {
      throw CliException.badInput("--as '" + who + "' is not an identity (letters, digits, . _ @ -)");
    }
  }
}
