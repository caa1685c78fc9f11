package dev.runbook.workflows.codedeploy;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.TargetPaths;
import dev.runbook.workflows.kit.BlueGreen;
import dev.runbook.workflows.kit.RollingDeploy;
import dev.runbook.workflows.contract.DeployStrategy;
import dev.runbook.workflows.kit.Preemption;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import dev.runbook.workflows.kit.ServiceTarget;
import dev.runbook.workflows.kit.StagingFirst;
import dev.runbook.workflows.kit.StatusTracker;
import dev.runbook.workflows.kit.StepAction;
import java.util.Optional;

/** See {@link CodeDeployWorkflow}. */
public class CodeDeployWorkflowImpl extends RunbookWorkflowBase implements CodeDeployWorkflow {

  @Override
  public RunbookResult deploy(CodeDeployRequest input) {
    // a Start Workflow form sent without input arrives as null: fail with the validation message
    CodeDeployRequest request = input != null ? input : new CodeDeployRequest(null, null, null, null, null);
    begin(Procedure.CODE_DEPLOY, request.service(), request.environment(), request.version(),
        request.requestedBy(), request.requestId(), request.reason(), RequestValidation.codeDeploy(input), input);
    loadPolicy();
    releases().require(request.version());
    new StagingFirst(ctx(), recorder()).require(request.version(), request.reason());
    // an emergency deploy or a rollback may pre-empt it until it retires the old colour
    singleFlight().take(TargetPaths.service(request.environment(), request.service()), Preemption.yielding(),
        Procedure.EMERGENCY_DEPLOY, Procedure.ROLLBACK);
    // The strategy comes from the policy the run resolved (recorded in its history): runs from
    // before strategies resolved none and take the canary path as they did, so no version marker.
    if (ctx().policy().rollout().strategyOrDefault() == DeployStrategy.ROLLING) {
      return run(() -> new RollingDeploy(ctx(), watchWindow()).roll(request.version()));
    }
    return run(() -> rollout(request.version()));
  }

  private String rollout(String version) {
    StatusTracker status = tracker();
    BlueGreen blueGreen = blueGreen();
    Optional<BlueGreen.Colours> colours = blueGreen.prepare(version);
    if (colours.isEmpty()) {
      return version + " is already live on " + status.liveColour() + "; nothing to do";
    }
    String stable = colours.get().stable();
    String canary = colours.get().fresh();

    int deployStep = status.addStep("Deploy " + version + " to " + canary);
    int smokeStep = status.addStep("Smoke test " + canary);
    int[] stepIndex = ctx().policy().rollout().steps().stream().mapToInt(s -> status.addStep(s.label())).toArray();
    int retireStep = status.addStep("Retire " + stable);

    blueGreen.deploy(deployStep, canary, version);
    blueGreen.smokeTest(smokeStep, canary);
    rollout().rollOut(stepIndex, new ServiceTarget(canary, version, stable, colours.get().stableVersion()), new StepAction() {
      @Override
      public String describe(RolloutStep step) {
        return step.weight() + "% of traffic to " + canary;
      }

      @Override
      public void apply(RolloutStep step, boolean last) {
        blueGreen.shift(canary, step.weight(), stable);
        if (last) {
          blueGreen.cutover(canary, version);
        }
      }
    });
    blueGreen.retireAfterDelay(retireStep, stable, ctx().policy().rollout().retireAfterSeconds());
    return version + " live on " + canary + "; " + stable + " retired";
  }
}
