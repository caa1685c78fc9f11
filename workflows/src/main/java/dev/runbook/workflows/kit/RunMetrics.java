package dev.runbook.workflows.kit;

import com.uber.m3.tally.Scope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

/**
 * Our metrics, emitted through the workflow metrics scope (replay-safe: nothing is emitted while
 * replaying). Labels are low-cardinality: procedure, environment, outcome; never ids. Micrometer
 * names them e.g. {@code runbook_runs_total}, {@code runbook_breach_to_rollback_seconds}.
 */
public final class RunMetrics {
  private final Scope scope;

  public RunMetrics(String procedure, String environment) {
    this.scope = Workflow.getMetricsScope().tagged(Map.of("procedure", procedure, "environment", environment));
  }

  /**
   * For a run refused before its environment was resolved: the requested environment may be any
   * text, so it is not used as a label.
   */
  public static RunMetrics beforePolicy(String procedure) {
    return new RunMetrics(procedure, "unresolved");
  }

  public void finished(String outcome) {
    scope.tagged(Map.of("outcome", outcome)).counter("runbook_runs").inc(1);
  }

  public void rolledBack(String trigger) {
    scope.tagged(Map.of("trigger", trigger)).counter("runbook_rollbacks").inc(1);
  }

  public void breachToRollback(Duration latency) {
    scope.timer("runbook_breach_to_rollback").record(com.uber.m3.util.Duration.ofMillis(latency.toMillis()));
  }

  /**
   * Compensations failed: the target may be half rolled back and needs a person (alert
   * RunbookRollbackIncomplete). Labelled like the worker's zero-valued start series (procedure,
   * environment), so the very first one shows in {@code increase()}.
   */
  public void rollbackIncomplete() {
    scope.counter("runbook_rollbacks_incomplete").inc(1);
  }

  /**
   * A gate found past its approval timeout and still holding: once at the timeout, then at each
   * reminder, so while a run waits overdue this grows every reminder interval (alert
   * RunbookApprovalOverdue).
   */
  public void approvalOverdue() {
    scope.counter("runbook_approvals_overdue").inc(1);
  }

  public void approvalWait(Duration wait) {
    scope.timer("runbook_approval_wait").record(com.uber.m3.util.Duration.ofMillis(wait.toMillis()));
  }
}
