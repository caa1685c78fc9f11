package dev.runbook.starter;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * A stand-in CodeDeploy for CLI tests: v2.0.0 rolls back at once, v4.0.4 fails, v64.0.N fails with
 * the N-th refusal type, v64.1.0 ends REFUSED, environment nowhere is refused; anything else
 * waits at one gate for promote (mallory is always rejected) or abort.
 */
public class FakeCodeDeploy extends FakeRunGate implements CodeDeployWorkflow {
  static final String NO_WORKER = "runbook-watch-full";
  static final String FAILING = "runbook-registry-down";
  private CodeDeployRequest request;

  @Override
  public RunbookResult deploy(CodeDeployRequest request) {
    this.request = request;
    log("deploying " + request.version());
    if ("nowhere".equals(request.environment())) { // what the kit throws today when the policy lookup refuses
      throw ApplicationFailure.newNonRetryableFailure("unknown environment 'nowhere'; known: local", "InvalidRequest");
    }
    if (request.version().startsWith("v64.0.")) { // v64.0.N: refused with the N-th refusal's failure type
      Refusal refusal = Refusal.values()[Integer.parseInt(request.version().substring("v64.0.".length()))];
      throw ApplicationFailure.newNonRetryableFailure("refused: " + refusal.description(), refusal.failureType());
    }
    if ("v64.1.0".equals(request.version())) {
      return end(Outcome.REFUSED, "lock held by deploy:other");
    }
    if ("v7.0.0".equals(request.version())) { // a step no worker takes: nothing serves its task queue
      Workflow.newUntypedActivityStub(ActivityOptions.newBuilder().setTaskQueue(NO_WORKER).setSummary("Smoke test green")
          .setStartToCloseTimeout(Duration.ofHours(1)).build()).executeAsync("SmokeTest", Void.class);
    }
    if ("v7.0.1".equals(request.version())) { // a step whose attempts keep failing: its database is down
      Workflow.newUntypedActivityStub(ActivityOptions.newBuilder().setTaskQueue(FAILING).setSummary("release registry")
          .setStartToCloseTimeout(Duration.ofSeconds(5)).setRetryOptions(io.temporal.common.RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofMillis(200)).setBackoffCoefficient(1).build()).build())
          .executeAsync("RecordApproval", Void.class);
    }
    if ("v4.0.4".equals(request.version())) {
      throw ApplicationFailure.newNonRetryableFailure("boom: the platform refused the release", "Test");
    }
    if ("v2.0.0".equals(request.version())) {
      return end(Outcome.ROLLED_BACK, "error-rate 0.2 > 0.05");
    }
    awaitGate();
    return abort != null ? end(Outcome.ABORTED, "aborted by " + abort.approver() + ": " + abort.reason())
        : end(Outcome.SUCCEEDED, request.version() + " live");
  }

  private RunbookResult end(Outcome o, String reason) {
    ended(o, reason);
    return new RunbookResult(Workflow.getInfo().getWorkflowId(), "CodeDeploy", o, reason, request.service(),
        request.environment(), request.version(), request.version(), "green", null);
  }

  @Override
  protected String environment() {
    return request.environment();
  }

  @Override
  public RunbookStatus status() {
    return new RunbookStatus("CodeDeploy", Workflow.getInfo().getWorkflowId(), request.service(), request.environment(),
        request.version(), request.requestedBy(), request.requestId(), null, phase, 1,
        List.of(new StepView("Gate", gateState(), null, null, null)), Map.of("blue", 90, "green", 10), "blue", "green",
        "blue", "v1.0.0", List.of(), phase == Phase.AWAITING_APPROVAL ? "approval" : null,
        List.of("carol"), List.of(), List.copyOf(log), outcome, outcome == null ? null : "done", 0, 0);
  }
}
