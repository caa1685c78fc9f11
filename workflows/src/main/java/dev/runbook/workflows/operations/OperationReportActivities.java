package dev.runbook.workflows.operations;

import dev.runbook.workflows.api.OperationReport;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Keeps the reports of scheduled operations in the runbook's database. */
@ActivityInterface
public interface OperationReportActivities {

  /**
   * Stores {@code report} (table {@code operation_reports}, Markdown and JSON). Idempotent by
   * workflow id and run id: a retry overwrites the same row. Nothing to undo.
   */
  @ActivityMethod
  void recordOperationReport(OperationReport report);
}
