package dev.runbook.workflows.rollback;

import dev.runbook.workflows.api.RollbackRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Manual rollback (seed 000 "Rollback Deployment", seed 002): all traffic to a named version or to
 * the standby colour, user data untouched, an incident report written.
 */
@WorkflowInterface
public interface RollbackWorkflow extends RunbookControl {

  @WorkflowMethod(name = "Rollback")
  RunbookResult rollback(RollbackRequest request);
}
