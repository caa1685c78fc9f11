package dev.runbook.workflows.emergency;

import dev.runbook.workflows.api.EmergencyDeployRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Emergency bug fix (seed 000): a reason is required; a running deploy of the same service and
 * environment is aborted and its rollback finishes first; the fix goes straight to 100% and an
 * alerting watch (2h in production) rolls it back automatically if a rule holds.
 */
@WorkflowInterface
public interface EmergencyDeployWorkflow extends RunbookControl {

  @WorkflowMethod(name = "EmergencyDeploy")
  RunbookResult deploy(EmergencyDeployRequest request);
}
