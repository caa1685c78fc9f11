package dev.runbook.starter;

import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.ConfigUpdateRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook start config-update`. */
@Command(
    name = "config-update",
    header = "Change a service's config, then restart its instances in batches.",
    description = {
      "Record the service's current config, apply the change, and restart the live",
      "colour's instances in batches, each health-checked and watched. A failed",
      "health check, a rule or an abort restores the recorded config and restarts",
      "the instances again. A secret is given as a reference the worker resolves",
      "(env:NAME or file:/path), never as its value."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start config-update --service learning-api --env local \\",
      "      --set REQUEST_TIMEOUT_MS=800 --secret DB_PASSWORD=env:LEARNING_API_DB_PASSWORD \\",
      "      --wait"
    })
public class StartConfigUpdateCommand extends StartServiceCommand {

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "A plain config value to set; repeat for more keys.")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--secret", paramLabel = "KEY=REF",
      description = "A secret to set, as a reference the worker resolves: env:NAME or file:/path.")
  Map<String, String> secrets = new LinkedHashMap<>();

  @Option(names = "--unset", paramLabel = "KEY", description = "A key to remove; repeat for more keys.")
  List<String> unset;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record.")
  String reason;

  @Override
  protected RunSpec runSpec() {
    return RunSpec.of(Procedure.CONFIG_UPDATE, new RunTarget(service, environment, null), requestedBy, requestId,
        id -> new ConfigUpdateRequest(service, environment, set.isEmpty() ? null : set,
            secrets.isEmpty() ? null : secrets, unset, blankToNull(reason), requestedBy, id));
  }
}
