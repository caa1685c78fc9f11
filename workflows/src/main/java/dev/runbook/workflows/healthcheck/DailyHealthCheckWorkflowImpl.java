package dev.runbook.workflows.healthcheck;

import dev.runbook.workflows.api.CheckResult;
import dev.runbook.workflows.api.OperationReport;
import dev.runbook.workflows.api.OperationRequest;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.kit.Failures;
import dev.runbook.workflows.kit.Refusals;
import dev.runbook.workflows.kit.RunbookActivities;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import dev.runbook.workflows.operations.CheckBatch;
import dev.runbook.workflows.operations.OperationPlan;
import dev.runbook.workflows.operations.OperationRecorder;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** See {@link DailyHealthCheckWorkflow}: plan, check everything at once, report, open incidents. */
public class DailyHealthCheckWorkflowImpl extends RunbookWorkflowBase implements DailyHealthCheckWorkflow {
  /** The run ends FAILED with this type when a check failed (after its incidents and report). */
  public static final String CHECKS_FAILED = "HealthChecksFailed";
  private OperationReport report;

  @Override
  public RunbookResult check(OperationRequest input) {
    OperationRequest request = input != null ? input : new OperationRequest(null, null, null);
    begin(Procedure.DAILY_HEALTH_CHECK, Procedure.DAILY_HEALTH_CHECK_KEY, request.environmentOrAll(), null,
        request.requestedBy(), request.requestId(), "daily health check", OperationRequest.problemsOf(input), input);
    recorder().liveStateFrom(() -> { }); // it changes nothing
    OperationPlan plan = planOrRefuse(request.environmentOrAll());
    usePolicy(plan.policy());
    return run(() -> checkAll(plan));
  }

  private String checkAll(OperationPlan plan) {
    OperationRecorder operation = new OperationRecorder(ctx());
    int step = tracker().addStep("Check " + plan.checks().size() + " targets");
    tracker().phase(Phase.VALIDATING, "checking " + plan.checks().size() + " targets");
    tracker().stepRunning(step, "services, databases, the worker, metric sources");
    List<CheckResult> results = CheckBatch.runAll(plan.checks(), (check, summary) ->
        CheckBatch.stub(HealthCheckActivities.class, summary, Duration.ofSeconds(60)).runHealthCheck(check));
    List<CheckResult> failed = results.stream().filter(c -> !c.passed()).toList();
    tracker().stepState(step, failed.isEmpty() ? StepState.SUCCEEDED : StepState.FAILED,
        (results.size() - failed.size()) + " of " + results.size() + " passed");
    if (!failed.isEmpty()) {
      operation.openIncidents(2, results, plan, "daily health check");
    }
    report = operation.report(results, Map.of());
    operation.store(report);
    if (!failed.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(report.summary(), CHECKS_FAILED);
    }
    return report.summary();
  }

  private OperationPlan planOrRefuse(String environment) {
    try {
      return RunbookActivities.beforePolicy(HealthCheckActivities.class, "plan the health checks")
          .planHealthChecks(environment);
    } catch (ActivityFailure e) {
      throw recorder().refuse(Failures.rootMessage(e), Refusals.of(e, Refusal.INVALID_REQUEST));
    }
  }

  @Override
  public OperationReport report() {
    return report;
  }
}
