package dev.runbook.starter;

import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.ProgressMigrationRequest;
import dev.runbook.workflows.api.RunTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook start progress-migration`. */
@Command(
    name = "progress-migration",
    header = "Migrate learners' progress documents to the current schema.",
    description = {
      "Migrate every learner's progress document in the environment's progress store",
      "(user_progress) to the current document schema (0.9 → 1.0 and any later",
      "registered step), in batches, while learners keep writing: no write is lost,",
      "no batch is applied twice, and documents, XP and completions are counted",
      "before and after. A worker crash resumes after the last batch. The run is",
      "named progress:user_progress:<env>."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  runbook start progress-migration --env local --batch-size 5000 --wait"
    })
public class StartProgressMigrationCommand extends StartRunCommand {

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Documents per batch (one transaction, one ledger row). Default: "
          + ProgressMigrationRequest.DEFAULT_BATCH_SIZE)
  Integer batchSize;

  @Override
  protected RunSpec runSpec() {
    int size = batchSize == null ? ProgressMigrationRequest.DEFAULT_BATCH_SIZE : batchSize;
    return RunSpec.of(Procedure.PROGRESS_MIGRATION, new RunTarget(ProgressMigrationRequest.TABLE, environment, null),
            requestedBy, requestId, "batch-size=" + size,
            id -> new ProgressMigrationRequest(environment, batchSize, requestedBy, id))
        .describedAs("in batches of " + size);
  }
}
