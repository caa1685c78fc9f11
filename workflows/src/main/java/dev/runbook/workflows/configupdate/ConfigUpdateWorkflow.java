package dev.runbook.workflows.configupdate;

import dev.runbook.workflows.api.ConfigUpdateRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Config update (seed 003): record the current config (its revision and hash, never a value),
 * apply the change (secrets as references the worker resolves), restart the live colour's
 * instances in batches, each health-checked and watched. A failed health check, a rule or an
 * abort restores the recorded config <em>and</em> restarts the instances again, so the old values
 * are really running (Argo Rollouts leaves a config rollback to a redeploy: #1297, #2669).
 */
@WorkflowInterface
public interface ConfigUpdateWorkflow extends RunbookControl {

  @WorkflowMethod(name = "ConfigUpdate")
  RunbookResult update(ConfigUpdateRequest request);
}
