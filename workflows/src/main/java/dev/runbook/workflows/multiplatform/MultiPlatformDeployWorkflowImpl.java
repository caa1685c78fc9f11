package dev.runbook.workflows.multiplatform;

import dev.runbook.workflows.api.MultiPlatformRequest;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.PlatformCall;
import dev.runbook.workflows.contract.PlatformHealth;
import dev.runbook.workflows.contract.PlatformRelease;
import dev.runbook.workflows.contract.PlatformTarget;
import dev.runbook.workflows.contract.TargetPaths;
import dev.runbook.workflows.kit.Failures;
import dev.runbook.workflows.kit.Preemption;
import dev.runbook.workflows.kit.Refusals;
import dev.runbook.workflows.kit.RollbackTrigger;
import dev.runbook.workflows.kit.RunbookActivities;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import dev.runbook.workflows.kit.StatusTracker;
import io.temporal.failure.ActivityFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** See {@link MultiPlatformDeployWorkflow}. */
public class MultiPlatformDeployWorkflowImpl extends RunbookWorkflowBase implements MultiPlatformDeployWorkflow {
  private final List<String> live = new ArrayList<>();

  @Override
  public RunbookResult deploy(MultiPlatformRequest input) {
    // a Start Workflow form sent without input arrives as null: fail with the validation message
    MultiPlatformRequest request = input != null ? input : new MultiPlatformRequest(null, null, null, null, null, null);
    begin(Procedure.MULTI_PLATFORM, request.service(), request.environment(), request.version(),
        request.requestedBy(), request.requestId(), null, RequestValidation.multiPlatform(input), input);
    loadPolicy();
    List<PlatformTarget> targets = planOrRefuse(request);
    // what is live is what the platforms say, not the sandbox's blue-green slots
    recorder().liveStateFrom(() -> tracker().live(String.join(",", live), request.version()));
    singleFlight().take(TargetPaths.service(request.environment(), request.service()), Preemption.exclusive());
    return run(() -> deployAll(request.version(), targets));
  }

  private List<PlatformTarget> planOrRefuse(MultiPlatformRequest request) {
    try {
      return RunbookActivities.beforePolicy(MultiPlatformActivities.class, "plan platforms")
          .planPlatforms(request.environment(), request.platforms());
    } catch (ActivityFailure e) {
      throw recorder().refuse(Failures.rootMessage(e), Refusals.of(e, Refusal.UNKNOWN_PLATFORM));
    }
  }

  private String deployAll(String version, List<PlatformTarget> targets) {
    StatusTracker status = tracker();
    int[] deploySteps = new int[targets.size()];
    int[] healthSteps = new int[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      PlatformTarget t = targets.get(i);
      deploySteps[i] = status.addStep("Deploy " + version + " to " + t.name() + " (" + t.role() + ")");
      healthSteps[i] = status.addStep("Health check " + t.name());
    }
    PlatformRollbacks rollbacks = new PlatformRollbacks(ctx(), recorder());
    ctx().compensations().add("roll back " + targets.stream().map(PlatformTarget::name)
        .collect(Collectors.joining(", ")) + " in reverse", rollbacks::rollBackAll);
    for (int i = 0; i < targets.size(); i++) {
      PlatformTarget t = targets.get(i);
      PlatformCall call = new PlatformCall(t.name(), ctx().environment(), ctx().service(), version, null);
      status.phase(Phase.DEPLOYING, version + " to " + t.name() + " (" + t.role() + ")");
      status.stepRunning(deploySteps[i], "recording the current release");
      PlatformRelease before = ctx().activities().step(MultiPlatformActivities.class, "record " + t.name() + " release")
          .recordPlatformRelease(call);
      status.log(t.name() + " before: " + before.version() + " (" + before.releaseId() + ", " + before.image() + ")");
      if (!version.equals(before.version())) {
        rollbacks.changing(t, before);
      }
      PlatformRelease after = ctx().activities().step(MultiPlatformActivities.class, "deploy " + version + " to " + t.name())
          .deployToPlatform(call);
      status.stepState(deploySteps[i], StepState.SUCCEEDED, version.equals(before.version())
          ? "already on " + version + " (" + before.releaseId() + ")"
          : before.releaseId() + " → " + after.releaseId());
      status.phase(Phase.SMOKE_TESTING, "health of " + t.name());
      status.stepRunning(healthSteps[i], "up to " + t.healthTimeoutSeconds() + "s");
      PlatformHealth health = ctx().activities().step(MultiPlatformActivities.class, "health of " + t.name())
          .checkPlatformHealth(call);
      if (!health.healthy()) {
        throw new RollbackTrigger("health-check", version + " failed its health check on " + t.name() + " ("
            + t.role() + "): " + health.detail(), null);
      }
      status.stepState(healthSteps[i], StepState.SUCCEEDED, health.detail());
      live.add(t.name());
    }
    return version + " live on " + String.join(", ", live);
  }
}
