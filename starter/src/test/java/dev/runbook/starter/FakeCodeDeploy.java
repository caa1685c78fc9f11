package dev.runbook.starter;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflow;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in CodeDeploy for CLI tests: v2.0.0 rolls back at once, v4.0.4 fails, anything else
 * waits at one gate for promote (mallory is always rejected) or abort.
 */
public class FakeCodeDeploy implements CodeDeployWorkflow {
  private CodeDeployRequest request;
  private Phase phase = Phase.STARTING;
  private Outcome outcome;
  private boolean promoted;
  private AbortRequest abort;
  private final List<LogEntry> log = new ArrayList<>();

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
    phase = Phase.AWAITING_APPROVAL;
    Workflow.await(() -> promoted || abort != null);
    return abort != null ? end(Outcome.ABORTED, "aborted by " + abort.approver() + ": " + abort.reason())
        : end(Outcome.SUCCEEDED, request.version() + " live");
  }

  private RunbookResult end(Outcome o, String reason) {
    phase = Phase.DONE;
    outcome = o;
    log(o + ": " + reason);
    return new RunbookResult(Workflow.getInfo().getWorkflowId(), "CodeDeploy", o, reason, request.service(),
        request.environment(), request.version(), request.version(), "green", null);
  }

  private void log(String message) {
    log.add(new LogEntry(Workflow.currentTimeMillis(), message));
  }

  @Override
  public RunbookStatus status() {
    StepState gate = phase == Phase.AWAITING_APPROVAL ? StepState.WAITING : outcome == Outcome.SUCCEEDED ? StepState.SUCCEEDED : StepState.SKIPPED;
    return new RunbookStatus("CodeDeploy", Workflow.getInfo().getWorkflowId(), request.service(), request.environment(),
        request.version(), request.requestedBy(), request.requestId(), null, phase, 1,
        List.of(new StepView("Gate", gate, null, null, null)), Map.of("blue", 90, "green", 10), "blue", "green", "blue",
        "v1.0.0", List.of(), phase == Phase.AWAITING_APPROVAL ? "approval" : null, List.of("carol"), List.of(),
        List.copyOf(log), outcome, outcome == null ? null : "done", 0, 0);
  }

  @Override
  public void promote(PromoteRequest request) {
    promoted = true;
  }

  @Override
  public ApprovalRecord promoteUpdate(PromoteRequest request) {
    promoted = true;
    return new ApprovalRecord("promote", request.approver(), 1, true, request.comment(), Workflow.currentTimeMillis());
  }

  @Override
  public void validatePromote(PromoteRequest request) {
    if ("mallory".equals(request.approver())) {
      throw new IllegalArgumentException("mallory may not approve in " + this.request.environment());
    }
  }

  @Override
  public void abort(AbortRequest request) {
    abort = request;
  }

  @Override
  public ApprovalRecord abortUpdate(AbortRequest request) {
    abort = request;
    return new ApprovalRecord("abort", request.approver(), 1, true, request.reason(), Workflow.currentTimeMillis());
  }

  @Override
  public void validateAbort(AbortRequest request) {}
}
