package dev.runbook.workflows.replay;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflow;
import dev.runbook.workflows.kit.BlueGreen;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import dev.runbook.workflows.contract.ServiceState;

/**
 * A deliberately incompatible CodeDeploy ("CodeDeploy" workflow type, like the real one): it
 * smoke-tests the idle colour before deploying to it. Replaying a real history with it must fail
 * with a non-determinism error; that proves the replay test would catch such a change.
 */
public class ReorderedCodeDeployWorkflowImpl extends RunbookWorkflowBase implements CodeDeployWorkflow {

  @Override
  public RunbookResult deploy(CodeDeployRequest request) {
    begin(Procedure.CODE_DEPLOY, request.service(), request.environment(), request.version(),
        request.requestedBy(), request.requestId(), null, RequestValidation.codeDeploy(request), request);
    loadPolicy();
    singleFlight().refuseWhileRunning(Procedure.EMERGENCY_DEPLOY, Procedure.ROLLBACK);
    return run(() -> {
      var status = tracker();
      BlueGreen blueGreen = blueGreen();
      ServiceState state = blueGreen.describe();
      String canary = state.idleColour();
      int smoke = status.addStep("Smoke test " + canary);
      int deploy = status.addStep("Deploy " + request.version() + " to " + canary);
      blueGreen.smokeTest(smoke, canary);
      blueGreen.deploy(deploy, canary, request.version());
      return "reordered";
    });
  }
}
