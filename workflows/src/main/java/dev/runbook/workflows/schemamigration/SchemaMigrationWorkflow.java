package dev.runbook.workflows.schemamigration;

import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Platform schema migration (seed 000 procedure 4, 003 database migrations) of one environment's
 * database: lock, check, capture learner writes, snapshot, rehearse on a copy, wait for the
 * low-traffic window (or proceed-now), maintenance on, migrate, verify, optional code release as a
 * child CodeDeploy, maintenance off, watch learner-progress integrity. A failure, abort or rule
 * after the change restores the snapshot and re-applies every learner write made since, checking
 * that nobody lost XP or a completion. Maintenance is off in every ending.
 */
@WorkflowInterface
public interface SchemaMigrationWorkflow extends RunbookControl {

  @WorkflowMethod(name = "SchemaMigration")
  RunbookResult migrate(SchemaMigrationRequest request);
}
