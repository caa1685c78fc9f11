package dev.runbook.starter;

import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.RunTarget;
import dev.runbook.workflows.api.RollbackRequest;
import dev.runbook.workflows.api.Procedure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook start rollback`. */
@Command(
    name = "rollback",
    header = "Put all traffic back on a previous version.",
    description = {
      "Put all traffic back on a named version, or on the standby colour. User data",
      "is never touched; an incident report is written. A reason is required."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start rollback --service learning-api --env production \\",
      "      --to-version v1.5.0 --reason \"error rate after v1.5.1\" --wait"
    })
public class StartRollbackCommand extends StartServiceCommand {

  @Option(names = "--to-version", paramLabel = "VERSION", description = "Version to go back to. Default: the standby colour's.")
  String toVersion;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (goes into the incident report; required).")
  String reason;

  @Override
  protected RunSpec runSpec() {
    String to = blankToNull(toVersion);
    return RunSpec.of(Procedure.ROLLBACK, new RunTarget(service, environment, toVersion), requestedBy, requestId,
            id -> new RollbackRequest(service, environment, to, reason, requestedBy, id))
        .withReason(reason)
        .describedAs(to == null ? "to standby" : "to " + to);
  }
}
