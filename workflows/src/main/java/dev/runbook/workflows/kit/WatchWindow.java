package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.contract.WatchVerdict;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * Watches a target for a window: a rule that fires throws {@link RollbackTrigger}, a promote ends
 * the window early, and an inconclusive window (bad or missing metric data) hands the decision to
 * a person.
 */
public final class WatchWindow {
  private final RunContext ctx;
  private final ApprovalStep approvals;

  public WatchWindow(RunContext ctx, ApprovalStep approvals) {
    this.ctx = ctx;
    this.approvals = approvals;
  }

  /** {@link #watch}, then {@link #personDecidesIfInconclusive}. */
  public WatchVerdict watchAndDecide(int step, String label, ServiceTarget target, long windowSeconds) {
    WatchVerdict verdict = watch(step, label, target, windowSeconds);
    personDecidesIfInconclusive(step, label, verdict);
    return verdict;
  }

  /**
   * An inconclusive verdict never promotes by itself: the run waits for a promote of this very
   * step. Returns whether it waited.
   */
  public boolean personDecidesIfInconclusive(int step, String label, WatchVerdict verdict) {
    if (verdict == null || verdict.result() != WatchResult.INCONCLUSIVE) {
      return false;
    }
    approvals.await(step, label, "metrics inconclusive, a person decides: " + verdict.reason(), true,
        ApprovalWording.PROMOTE);
    return true;
  }

  /**
   * Watches {@code label} for {@code windowSeconds}: throws {@link RollbackTrigger} when a rule
   * fires, returns the verdict otherwise, or null when an approver promoted during the window.
   */
  public WatchVerdict watch(int step, String label, ServiceTarget target, long windowSeconds) {
    StatusTracker status = ctx.status();
    ApprovalGate gate = ctx.gate();
    EnvironmentPolicy policy = ctx.policy();
    status.phase(Phase.WATCHING, "watching " + label + " for " + Durations.human(windowSeconds));
    gate.open(step, label);
    status.waitingFor("the watch window of " + label + " (" + Durations.human(windowSeconds)
        + "); a promote ends it early", policy.approval().approvers());
    WatchRequest request = new WatchRequest(ctx.workflowId(), ctx.service(), ctx.environment(), policy.platform(),
        target.colour(), target.version(), target.stableColour(), label, windowSeconds, policy.pollSeconds(),
        Math.max(3 * policy.pollSeconds(), 30), rulesFor(target), target.stableVersion());
    WatchVerdict[] verdict = new WatchVerdict[1];
    CancellationScope watchScope = Workflow.newCancellationScope(() ->
        verdict[0] = ctx.activities().watch(request, "watch " + label).watchRollout(request));
    ctx.scopes().watch(watchScope);
    try {
      watchScope.run();
    } catch (ActivityFailure | CanceledFailure e) {
      if (gate.promoted(step) && !gate.aborted() && Failures.isCancellation(e)) {
        status.log("watch of " + label + " ended early by promotion");
        return null;
      }
      throw e;
    } finally {
      ctx.scopes().watch(null);
    }
    status.observations(verdict[0].observations());
    if (verdict[0].result() == WatchResult.ROLLBACK) {
      throw new RollbackTrigger(verdict[0].rule(), verdict[0].reason(), verdict[0].breachStartedAtMillis());
    }
    status.log(label + ": " + verdict[0].result().name().toLowerCase() + " — " + verdict[0].reason());
    return verdict[0];
  }

  /**
   * Relative rules compare with the stable colour; once the stable colour carries no traffic
   * (cutover, emergency deploy) there is no baseline, so they do not apply.
   */
  private List<WatchRule> rulesFor(ServiceTarget target) {
    if (target.stableColour() != null) {
      return ctx.policy().rules();
    }
    return ctx.policy().rules().stream().filter(r -> !r.relativeToStable()).toList();
  }
}
