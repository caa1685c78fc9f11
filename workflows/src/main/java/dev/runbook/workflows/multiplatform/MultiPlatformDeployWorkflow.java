package dev.runbook.workflows.multiplatform;

import dev.runbook.workflows.api.MultiPlatformRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Multi-platform deploy (seed 002): one version of a service to the primary, health-checked, then
 * the secondary, then the tertiary, in the order the environment's configuration gives. Each
 * platform's release is recorded before it changes; a failure rolls back the platforms already
 * changed, newest first; a rollback that fails escalates ("Rollback failed - escalating") and
 * leaves the platforms not yet rolled back as they are, never cascading.
 */
@WorkflowInterface
public interface MultiPlatformDeployWorkflow extends RunbookControl {

  @WorkflowMethod(name = "MultiPlatformDeploy")
  RunbookResult deploy(MultiPlatformRequest request);
}
