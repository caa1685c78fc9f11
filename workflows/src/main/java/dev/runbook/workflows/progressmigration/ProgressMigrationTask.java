package dev.runbook.workflows.progressmigration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One migration pass over an environment's progress table.
 *
 * @param runKey names this run's rows in the batch ledger (the workflow id and run id): a retry of
 *     the same run skips the batches it already applied; another run starts its own
 * @param batchSize documents per batch: one transaction, one ledger row, one checkpoint
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressMigrationTask(String environment, String runKey, int batchSize) {}
