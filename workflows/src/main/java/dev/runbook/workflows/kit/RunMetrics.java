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

  /** Compensations failed: the target may be half rolled back and needs a person (alert RollbackIncomplete). */
  public void rollbackIncomplete(String trigger) {
    scope.tagged(Map.of("trigger", trigger)).counter("runbook_rollbacks_incomplete").inc(1);
  }

  /**
   * A gate passed its approval timeout and holds (once per gate), then once per reminder while it
   * keeps waiting: a recent increase means a run is awaiting approval past its timeout.
   */
  public void approvalOverdue(boolean firstTime) {
    scope.counter(firstTime ? "runbook_approvals_overdue" : "runbook_approval_reminders").inc(1);
  }

  public void approvalWait(Duration wait) {
    scope.timer("runbook_approval_wait").record(com.uber.m3.util.Duration.ofMillis(wait.toMillis()));
  }
}
