package dev.runbook.starter;

import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunTarget;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook start schema-migration`. */
@Command(
    name = "schema-migration",
    header = "Migrate the platform schema with snapshot, rehearsal and maintenance.",
    description = {
      "Migrate the environment's platform schema (platform-migrations/) to a target",
      "release: check with Flyway, capture learner writes, snapshot with pg_dump,",
      "rehearse on a copy (its time is the estimate), wait for the low-traffic",
      "window or --now, maintenance on, migrate, verify, optionally deploy a code",
      "release, maintenance off, then watch learner-progress integrity. A failure,",
      "abort or rule restores the snapshot and re-applies every learner write made",
      "since. The run is named schema:platform:<env>."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start schema-migration --env local --target 1.1 \\",
      "      --release learning-api:v1.6.0 --message \"Back in 10 minutes\" --now --wait"
    })
public class StartSchemaMigrationCommand extends StartRunCommand {

  @Option(names = "--target", paramLabel = "VERSION", required = true,
      description = "Schema release to migrate to, e.g. 1.1 (platform-migrations/schema-versions.properties).")
  String target;

  @Option(names = "--release", paramLabel = "SERVICE:VERSION",
      description = "Code release deployed with the schema while maintenance is on, e.g. learning-api:v1.6.0.")
  String release;

  @Option(names = "--message", paramLabel = "TEXT",
      description = "What learners read while maintenance is on (default names the target).")
  String message;

  @Option(names = "--now",
      description = "Start without waiting for the low-traffic window (environments whose gates pass by themselves,"
          + " such as local; elsewhere an approver sends proceed-now with runbook promote).")
  boolean now;

  @Override
  protected RunSpec runSpec() {
    String service = null;
    String version = null;
    if (release != null) {
      int colon = release.indexOf(':');
      if (colon <= 0 || colon == release.length() - 1) {
        throw CliException.badInput("--release '" + release + "' must be SERVICE:VERSION, e.g. learning-api:v1.6.0");
      }
      service = release.substring(0, colon);
      version = release.substring(colon + 1);
    }
    String releaseService = service;
    String releaseVersion = version;
    return RunSpec.of(Procedure.SCHEMA_MIGRATION, new RunTarget(SchemaMigrationRequest.DATABASE, environment, target),
            requestedBy, requestId, release,
            id -> new SchemaMigrationRequest(environment, target, releaseService, releaseVersion, message,
                now ? true : null, requestedBy, id))
        .describedAs("to " + target + (release == null ? "" : " with " + release));
  }
}
