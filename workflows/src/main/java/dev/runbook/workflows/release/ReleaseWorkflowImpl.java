package dev.runbook.workflows.release;

import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.ReleaseRequest;
import dev.runbook.workflows.api.ReleaseValidation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.ReleaseActivities;
import dev.runbook.workflows.contract.ReleasePolicy;
import dev.runbook.workflows.kit.Failures;
import dev.runbook.workflows.kit.Refusals;
import dev.runbook.workflows.kit.RunbookActivities;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import dev.runbook.workflows.kit.ServiceTarget;
import io.temporal.failure.ActivityFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * See {@link ReleaseWorkflow}. The run's own policy is its last environment's (its approvers,
 * timeouts and watch rules: the approval step and the extended monitoring are that
 * environment's); each environment's release policy says how its five phases go.
 */
public class ReleaseWorkflowImpl extends RunbookWorkflowBase implements ReleaseWorkflow {

  @Override
  public RunbookResult release(ReleaseRequest input) {
    // a Start Workflow form sent without input arrives as null: fail with the validation message
    ReleaseRequest request = input != null ? input : new ReleaseRequest(null, null, null, null, null, null, null, null);
    begin(Procedure.RELEASE, request.service(), request.lastEnvironment(), request.version(), request.requestedBy(),
        request.requestId(), request.reason(), ReleaseValidation.problems(input), input);
    loadPolicy();
    List<ReleasePolicy> policies = policiesOrRefuse(request);
    ReleaseKit kit = new ReleaseKit(ctx(), recorder(), childRuns(), approvals(), watchWindow(), request);
    List<EnvironmentRelease> plan = new ArrayList<>();
    for (int i = 0; i < policies.size(); i++) {
      EnvironmentRelease env = new EnvironmentRelease(kit, request.environments().get(i), policies.get(i));
      env.plan();
      plan.add(env);
    }
    ReleasePolicy last = policies.get(policies.size() - 1);
    int monitorStep = last.extendedMonitoringSeconds() > 0 ? tracker().addStep(request.lastEnvironment()
        + ": extended monitoring (" + Durations.human(last.extendedMonitoringSeconds()) + ")") : -1;
    return run(() -> releaseAll(kit, plan, last, monitorStep));
  }

  private List<ReleasePolicy> policiesOrRefuse(ReleaseRequest request) {
    List<ReleasePolicy> policies = new ArrayList<>();
    for (String env : request.environments()) {
      try {
        policies.add(RunbookActivities.beforePolicy(ReleaseActivities.class, "release policy of " + env)
            .resolveReleasePolicy(request.service(), env));
      } catch (ActivityFailure e) {
        throw recorder().refuse(Failures.rootMessage(e), Refusals.of(e, Refusal.NO_RELEASE_POLICY));
      }
    }
    return policies;
  }

  private String releaseAll(ReleaseKit kit, List<EnvironmentRelease> plan, ReleasePolicy last, int monitorStep) {
    String liveColour = null;
    for (EnvironmentRelease env : plan) {
      liveColour = env.run();
    }
    String summary = kit.version() + " released to " + String.join(", ", kit.request.environments());
    if (monitorStep >= 0) {
      String env = kit.request.lastEnvironment();
      kit.phase(env, "extended-monitoring");
      tracker().stepRunning(monitorStep, "watching " + kit.version() + " on " + liveColour);
      // a rollback rule still rolls the release back in this environment; a promote ends the watch early
      watchWindow().watch(monitorStep, env + " extended monitoring", ServiceTarget.alone(liveColour, kit.version()),
          last.extendedMonitoringSeconds());
      tracker().stepState(monitorStep, StepState.SUCCEEDED, "no rollback rule fired");
      summary += "; monitored " + Durations.human(last.extendedMonitoringSeconds());
    }
    kit.phase(kit.request.lastEnvironment(), "done");
    return summary;
  }
}
