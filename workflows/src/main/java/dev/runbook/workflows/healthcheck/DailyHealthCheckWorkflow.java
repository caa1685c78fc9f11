package dev.runbook.workflows.healthcheck;

import dev.runbook.workflows.api.OperationReport;
import dev.runbook.workflows.api.OperationRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Daily health check (seed 002 "Operational Runbooks"): every service's health on every platform
 * of every configured environment, each target database (connectivity, Flyway migration state),
 * the worker and the metric source. A report per run; failing checks open a sev-2 incident per
 * environment (joined when one is open) and end the run FAILED.
 */
@WorkflowInterface
public interface DailyHealthCheckWorkflow extends RunbookControl {

  @WorkflowMethod(name = "DailyHealthCheck")
  RunbookResult check(OperationRequest request);

  /** The run's report once its checks are done; null before. */
  @QueryMethod(name = "report", description = "The health check's report: every check, what failed, what was done")
  OperationReport report();
}
