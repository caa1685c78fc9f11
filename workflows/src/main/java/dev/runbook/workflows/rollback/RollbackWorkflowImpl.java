package dev.runbook.workflows.rollback;

import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RollbackRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.LockHolder;
import dev.runbook.workflows.contract.TargetPaths;
import dev.runbook.workflows.kit.BlueGreen;
import dev.runbook.workflows.kit.Preemption;
import dev.runbook.workflows.kit.RollbackTrigger;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import dev.runbook.workflows.kit.StatusTracker;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * See {@link RollbackWorkflow}. Only traffic and releases move: no database is touched, so learner
 * progress and XP written under the newer release stay where they are.
 */
public class RollbackWorkflowImpl extends RunbookWorkflowBase implements RollbackWorkflow {

  @Override
  public RunbookResult rollback(RollbackRequest input) {
    // a Start Workflow form sent without input arrives as null: fail with the validation message
    RollbackRequest request = input != null ? input : new RollbackRequest(null, null, null, null, null, null);
    begin(Procedure.ROLLBACK, request.service(), request.environment(), request.toVersion(),
        request.requestedBy(), request.requestId(), request.reason(), RequestValidation.rollback(input), input);
    loadPolicy();
    releases().require(request.toVersion());
    int clearStep = tracker().addStep("Stop running deploys of " + request.service() + " in " + request.environment());
    // running code and emergency deploys of the target are aborted first; nothing pre-empts a rollback
    List<LockHolder> preempted = singleFlight().take(TargetPaths.service(request.environment(), request.service()),
        Preemption.preempting(false, Set.of(Procedure.CODE_DEPLOY.cliName(), Procedure.EMERGENCY_DEPLOY.cliName()),
            "manual rollback: " + request.reason()));
    if (preempted != null) {
      tracker().stepState(clearStep, StepState.SUCCEEDED, preempted.isEmpty() ? "no deploy running"
          : "aborted " + preempted.stream().map(h -> h.workflowId() + " (" + h.procedure() + ")")
              .collect(Collectors.joining(", ")) + " and waited for its rollback");
    }
    return run(() -> rollBackTo(request, clearStep, preempted != null));
  }

  private String rollBackTo(RollbackRequest request, int clearStep, boolean targetLocked) {
    StatusTracker status = tracker();
    String service = ctx().service();
    String environment = ctx().environment();
    if (!targetLocked) {
      // a run started before target locks clears the target by business keys
      status.phase(Phase.CLEARING_PREVIOUS_RUN, "aborting running deploys, if any");
      status.stepRunning(clearStep, "aborting code and emergency deploys");
      for (Procedure p : new Procedure[] {Procedure.CODE_DEPLOY, Procedure.EMERGENCY_DEPLOY}) {
        String ended = ctx().activities().runControl("abort " + p.cliName()).abortRunAndWait(
            p.workflowId(service, environment), status.requestedBy(), "manual rollback: " + request.reason());
        if (ended != null) {
          status.log(p.workflowId(service, environment) + " ended " + ended);
        }
      }
      status.stepState(clearStep, StepState.SUCCEEDED, "no deploy running");
    }

    BlueGreen blueGreen = blueGreen();
    ServiceState state = blueGreen.describe();
    String live = state.liveColour();
    String target;
    String version;
    if (request.toVersion() == null) {
      SlotState standby = state.slot(state.idleColour())
          .filter(s -> s.version() != null && (s.role() == SlotRole.STANDBY || s.role() == SlotRole.CANARY))
          .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("no standby release to roll back to: "
              + state.idleColour() + " holds nothing running; name one with --to-version", "InvalidRequest"));
      target = standby.colour();
      version = standby.version();
    } else {
      version = request.toVersion();
      if (version.equals(state.liveVersion())) {
        status.skipPending("nothing to do");
        return version + " is already live on " + live + "; nothing to do";
      }
      Optional<SlotState> running = state.slotRunning(version);
      target = running.map(SlotState::colour).orElse(state.idleColour());
      if (running.isEmpty()) {
        int deployStep = status.addStep("Deploy " + version + " to " + target);
        int smokeStep = status.addStep("Smoke test " + target);
        blueGreen.deploy(deployStep, target, version);
        try {
          blueGreen.smokeTest(smokeStep, target);
        } catch (RollbackTrigger failedCheck) {
          // nothing was rolled back: traffic is still on the release this rollback was meant to
          // leave, so the run FAILS (exit 4) and pages; the compensation retires the broken target
          recorder().notify(Severity.PAGE, "rollback-target-unhealthy",
              "rollback of " + service + " in " + environment + " needs a person",
              version + " failed its smoke test on " + target + "; traffic stays on " + state.liveVersion()
                  + ": " + failedCheck.getMessage());
          throw ApplicationFailure.newNonRetryableFailure("rollback target " + version + " failed its smoke test, "
              + "traffic stays on " + state.liveVersion() + ": " + failedCheck.getMessage(), "RollbackTargetUnhealthy");
        }
        ctx().compensations().clear();
      }
    }
    status.colours(live, target);
    int switchStep = status.addStep("All traffic to " + version + " on " + target);
    int verifyStep = status.addStep("Verify " + target);
    status.stepRunning(switchStep, "switching traffic back");
    blueGreen.shift(target, 100, live);
    blueGreen.cutover(target, version);
    ctx().pointOfNoReturn(version + " already serves all traffic on " + target
        + "; start a code deploy or another rollback to move it");
    status.stepState(switchStep, StepState.SUCCEEDED, version + " serves all traffic");
    try {
      blueGreen.smokeTest(verifyStep, target);
    } catch (RollbackTrigger failedCheck) {
      recorder().notify(Severity.PAGE, "rollback-unhealthy",
          "rollback of " + service + " in " + environment + " needs a person",
          version + " serves all traffic but fails its checks: " + failedCheck.getMessage());
      throw ApplicationFailure.newNonRetryableFailure("rollback verification failed: " + failedCheck.getMessage(), "RollbackUnhealthy");
    }
    status.phase(Phase.WRITING_REPORT, "writing the incident report");
    // from what was live before the switch (the requested version is where we went)
    String report = recorder().writeIncidentReport("manual rollback", request.reason(), state.liveVersion(), version);
    return "traffic on " + version + " (" + target + "); user data untouched"
        + (report == null ? "" : "; incident report " + report);
  }
}
