package dev.runbook.workflows.progressmigration;

import dev.runbook.workflows.api.ProgressMigrationRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * User-progress document migration (seed 001 "User Progress Schema", 0.9 → 1.0 and any later
 * registered step) over one environment's progress table, while learners keep writing: census,
 * resumable batched migration, census again; XP, completions and documents never go down.
 */
@WorkflowInterface
public interface ProgressMigrationWorkflow extends RunbookControl {

  @WorkflowMethod(name = "ProgressMigration")
  RunbookResult migrate(ProgressMigrationRequest request);
}
