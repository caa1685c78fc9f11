package dev.runbook.workflows.codedeploy;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Blue-green + canary code deploy (seed 000 procedure 3, seed 003): deploy to the idle colour,
 * smoke test it, shift traffic step by step with a watch window and a gate after each, cut over,
 * watch, retire the old colour. Any rollback rule, failed smoke test or abort runs the
 * compensations in reverse (traffic back to the stable colour first). With the environment's
 * strategy {@code rolling}, the live colour's instances are replaced in batches instead.
 */
@WorkflowInterface
public interface CodeDeployWorkflow extends RunbookControl {

  @WorkflowMethod(name = "CodeDeploy")
  RunbookResult deploy(CodeDeployRequest request);
}
