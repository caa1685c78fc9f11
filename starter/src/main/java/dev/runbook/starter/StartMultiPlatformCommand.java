package dev.runbook.starter;

import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.MultiPlatformRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunTarget;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook start multi-platform`. */
@Command(
    name = "multi-platform",
    header = "Deploy a version to several hosted platforms, primary first.",
    description = {
      "Deploy a version to the environment's hosted platforms in their configured",
      "order (primary, secondary, tertiary), recording each platform's release",
      "before it changes and health-checking it after. A failure rolls back the",
      "platforms already changed, newest first; a rollback that fails pages and",
      "leaves the others as they are."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start multi-platform --service web --version v2.1.0 \\",
      "      --platforms fly,railway,render --env local --wait"
    })
public class StartMultiPlatformCommand extends StartServiceCommand {

  @Option(names = "--version", paramLabel = "VERSION", description = "Release to deploy, e.g. v2.1.0.")
  String version;

  @Option(names = "--platforms", split = ",", paramLabel = "NAME",
      description = "Platforms to deploy to, a subset of the configured ones (default: all), e.g. fly,railway,render.")
  List<String> platforms;

  @Override
  protected RunSpec runSpec() {
    return RunSpec.of(Procedure.MULTI_PLATFORM, new RunTarget(service, environment, version), requestedBy, requestId,
        id -> new MultiPlatformRequest(service, environment, blankToNull(version), platforms, requestedBy, id));
  }
}
