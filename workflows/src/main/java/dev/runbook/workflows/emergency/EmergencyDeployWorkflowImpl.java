package dev.runbook.workflows.emergency;

import dev.runbook.workflows.api.EmergencyDeployRequest;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.LockHolder;
import dev.runbook.workflows.contract.TargetPaths;
import dev.runbook.workflows.kit.BlueGreen;
import dev.runbook.workflows.kit.Preemption;
import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import dev.runbook.workflows.kit.ServiceTarget;
import dev.runbook.workflows.kit.StatusTracker;
import dev.runbook.workflows.contract.WatchVerdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** See {@link EmergencyDeployWorkflow}. */
public class EmergencyDeployWorkflowImpl extends RunbookWorkflowBase implements EmergencyDeployWorkflow {

  @Override
  public RunbookResult deploy(EmergencyDeployRequest input) {
    // a Start Workflow form sent without input arrives as null: fail with the validation message
    EmergencyDeployRequest request = input != null ? input : new EmergencyDeployRequest(null, null, null, null, null, null);
    begin(Procedure.EMERGENCY_DEPLOY, request.service(), request.environment(), request.version(),
        request.requestedBy(), request.requestId(), request.reason(), RequestValidation.emergencyDeploy(input), input);
    loadPolicy();
    releases().require(request.version());
    int clearStep = tracker().addStep("Stop any running deploy of " + request.service() + " in " + request.environment());
    // a running code deploy of the target is aborted (its compensations run first); a rollback may pre-empt this run
    List<LockHolder> preempted = singleFlight().take(TargetPaths.service(request.environment(), request.service()),
        Preemption.preempting(true, Set.of(Procedure.CODE_DEPLOY.cliName()),
            "superseded by emergency deploy " + request.version() + ": " + request.reason()),
        Procedure.ROLLBACK);
    if (preempted != null) {
      tracker().stepState(clearStep, StepState.SUCCEEDED, preempted.isEmpty() ? "none was running"
          : "aborted " + preempted.stream().map(h -> h.workflowId() + " (" + h.procedure() + ")")
              .collect(Collectors.joining(", ")) + " and waited for its rollback");
    }
    return run(() -> deployNow(request, clearStep, preempted != null));
  }

  private String deployNow(EmergencyDeployRequest request, int clearStep, boolean targetLocked) {
    String version = request.version();
    StatusTracker status = tracker();
    String service = ctx().service();
    String environment = ctx().environment();
    if (!targetLocked) {
      // a run started before target locks clears the target by its business key
      status.phase(Phase.CLEARING_PREVIOUS_RUN, "aborting a running code deploy, if any, and waiting for its rollback");
      status.stepRunning(clearStep, "aborting " + Procedure.CODE_DEPLOY.workflowId(service, environment));
      String previous = ctx().activities().runControl("abort running deploy").abortRunAndWait(
          Procedure.CODE_DEPLOY.workflowId(service, environment), status.requestedBy(),
          "superseded by emergency deploy " + version + ": " + request.reason());
      status.stepState(clearStep, StepState.SUCCEEDED, previous == null ? "none was running" : "previous run ended " + previous);
    }

    BlueGreen blueGreen = blueGreen();
    Optional<BlueGreen.Colours> colours = blueGreen.prepare(version);
    if (colours.isEmpty()) {
      status.skipPending("nothing to do");
      return version + " is already live on " + status.liveColour() + "; nothing to do";
    }
    String stable = colours.get().stable();
    String fresh = colours.get().fresh();
    int deployStep = status.addStep("Deploy " + version + " to " + fresh);
    int smokeStep = status.addStep("Smoke test " + fresh);
    String watchLabel = "Full traffic 100% (alerting watch " + Durations.human(ctx().policy().emergency().watchSeconds()) + ")";
    int watchStep = status.addStep(watchLabel);
    int retireStep = status.addStep("Retire " + stable);

    blueGreen.deploy(deployStep, fresh, version);
    blueGreen.smokeTest(smokeStep, fresh);
    status.stepRunning(watchStep, "100% of traffic to " + fresh + " (canary skipped: " + request.reason() + ")");
    blueGreen.shift(fresh, 100, stable);
    blueGreen.cutover(fresh, version);
    WatchVerdict verdict = watchWindow().watchAndDecide(watchStep, watchLabel, ServiceTarget.alone(fresh, version),
        ctx().policy().emergency().watchSeconds());
    status.stepState(watchStep, StepState.SUCCEEDED, verdict == null ? "watch ended by promotion" : verdict.reason());
    blueGreen.retireAfterDelay(retireStep, stable, ctx().policy().emergency().retireAfterSeconds());
    return version + " live on " + fresh + " (emergency: " + request.reason() + ")";
  }
}
