package dev.runbook.starter;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflow;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * A stand-in CodeDeploy for CLI tests: v2.0.0 rolls back at once, v4.0.4 fails, anything else
 * waits at one gate for promote (mallory is always rejected) or abort.
 */
public class FakeCodeDeploy extends FakeRunGate implements CodeDeployWorkflow {
  private CodeDeployRequest request;

  @Override
  public RunbookResult deploy(CodeDeployRequest request) {
    this.request = request;
    log("deploying " + request.version());
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
