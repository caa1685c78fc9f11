package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookResult;
import java.util.List;

/** See {@link ParentTestWorkflow}: the child runs of the kit, scripted like a procedure would. */
public class ParentTestWorkflowImpl extends RunbookWorkflowBase implements ParentTestWorkflow {
  public static final String PARENT_ID = "parent:learning-api:production";

  @Override
  public RunbookResult run(CodeDeployRequest request) {
    begin(Procedure.CODE_DEPLOY, request.service(), request.environment(), request.version(), request.requestedBy(),
        request.requestId(), null, List.of(), request);
    loadPolicy();
    return run(() -> {
      String childId = Procedure.CODE_DEPLOY.workflowId(request.service(), request.environment());
      ChildRuns.ChildRun child = childRuns().start("CodeDeploy", Procedure.CODE_DEPLOY.cliName(), childId,
          new CodeDeployRequest(request.service(), request.environment(), request.version(), request.requestedBy(), null),
          () -> tracker().log("undo of finished child " + childId + " called"));
      RunbookResult result = child.await();
      if (result.outcome() != Outcome.SUCCEEDED) {
        throw new RollbackTrigger("child", "child " + childId + " ended " + result.outcome(), null);
      }
      if (ParentTestWorkflow.FAIL_AFTER_CHILD.equals(request.requestId())) {
        throw new RollbackTrigger("after-child", "a later step failed", null);
      }
      return "child " + childId + " succeeded";
    });
  }
}
