package dev.runbook.workflows.release;

import dev.runbook.workflows.api.ReleaseRequest;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.contract.ReleaseActivities;
import dev.runbook.workflows.kit.ApprovalStep;
import dev.runbook.workflows.kit.ChildRuns;
import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.RunRecorder;
import dev.runbook.workflows.kit.WatchWindow;
import io.temporal.workflow.Workflow;

/**
 * The kit pieces a release's phases share, and where the release is: the environment and phase
 * (search attribute {@code RunbookReleasePhase}, e.g. {@code staging:verification}) and whom it
 * waits for ({@code RunbookWaitingOn}: a child run's id, or the approvers of its approval step).
 */
final class ReleaseKit {
  final RunContext ctx;
  final RunRecorder recorder;
  final ChildRuns children;
  final ApprovalStep approvals;
  final WatchWindow watch;
  final ReleaseRequest request;
  private String environment;

  ReleaseKit(RunContext ctx, RunRecorder recorder, ChildRuns children, ApprovalStep approvals, WatchWindow watch,
      ReleaseRequest request) {
    this.ctx = ctx;
    this.recorder = recorder;
    this.children = children;
    this.approvals = approvals;
    this.watch = watch;
    this.request = request;
  }

  /** The environment being released now: the one a failure rolls back. */
  String environment() {
    return environment;
  }

  void phase(String env, String phase) {
    environment = env;
    Workflow.upsertTypedSearchAttributes(SearchAttributeKeys.RELEASE_PHASE.valueSet(env + ":" + phase),
        SearchAttributeKeys.WAITING_ON.valueUnset());
  }

  void waitingOn(String who) {
    Workflow.upsertTypedSearchAttributes(who == null
        ? SearchAttributeKeys.WAITING_ON.valueUnset() : SearchAttributeKeys.WAITING_ON.valueSet(who));
  }

  ReleaseActivities step(String summary) {
    return ctx.activities().step(ReleaseActivities.class, summary);
  }

  String service() {
    return request.service();
  }

  String version() {
    return request.version();
  }
}
