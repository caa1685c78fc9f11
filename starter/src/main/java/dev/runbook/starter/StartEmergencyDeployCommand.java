package dev.runbook.starter;

import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.RunTarget;
import dev.runbook.workflows.api.EmergencyDeployRequest;
import dev.runbook.workflows.api.Procedure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook start emergency-deploy`. */
@Command(
    name = "emergency-deploy",
    header = "Ship a fix straight to 100%% behind an alerting watch.",
    description = {
      "Ship a fix at once: no canary, straight to 100%% behind an alerting watch that",
      "rolls it back if a rule holds. A running deploy of the same service is aborted",
      "first. A reason is required."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start emergency-deploy --service learning-api --version v1.5.2 \\",
      "      --env production --reason \"INC-42 login loop\" --wait"
    })
public class StartEmergencyDeployCommand extends StartServiceCommand {

  @Option(names = "--version", paramLabel = "VERSION", description = "Release with the fix, e.g. v1.5.2.")
  String version;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why the canary is skipped (required).")
  String reason;

  @Override
  protected RunSpec runSpec() {
    return RunSpec.of(Procedure.EMERGENCY_DEPLOY, new RunTarget(service, environment, version), requestedBy, requestId,
            id -> new EmergencyDeployRequest(service, environment, blankToNull(version), reason, requestedBy, id))
        .withReason(reason);
  }
}
