package dev.runbook.starter;

import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.RunTarget;
import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Procedure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook start code-deploy`. */
@Command(
    name = "code-deploy",
    header = "Deploy a version blue-green, with canary steps and approval gates.",
    description = {
      "Deploy a version blue-green: deploy to the idle colour, smoke test it, shift",
      "traffic step by step behind watch windows and approval gates, cut over, retire",
      "the old colour. Any rollback rule or abort puts traffic back."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start code-deploy --service learning-api --version v1.5.1 \\",
      "      --env production --as ci-bot --wait --output json"
    })
public class StartCodeDeployCommand extends StartServiceCommand {

  @Option(names = "--version", paramLabel = "VERSION", description = "Release to deploy, e.g. v1.5.1.")
  String version;

  @Override
  protected RunSpec runSpec() {
    return RunSpec.of(Procedure.CODE_DEPLOY, new RunTarget(service, environment, version), requestedBy, requestId,
        id -> new CodeDeployRequest(service, environment, blankToNull(version), requestedBy, id));
  }
}
