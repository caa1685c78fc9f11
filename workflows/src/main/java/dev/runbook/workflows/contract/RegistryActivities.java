package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.RunRecord;
import dev.runbook.workflows.contract.IncidentReport;
import dev.runbook.workflows.contract.ServiceState;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Outcome;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The release registry in the runbook's own Postgres schema: runs, approvals, which version runs
 * on which colour, incident reports. Every write is an upsert keyed by workflow and run id (or by
 * service/environment/colour), so retries are safe. `runbook list` reads it, since a Temporal
 * test server has no list API.
 */
@ActivityInterface
public interface RegistryActivities {

  /**
   * The run's row with its header (who asked for what, when). Idempotent by (workflow id, run id):
   * an upsert, so a retry writes the same values again. Not undone: bookkeeping.
   */
  @ActivityMethod
  void recordRunStarted(RunRecord run);

  /**
   * Accepted and rejected approver actions alike: the audit trail. Idempotent by (workflow id, run
   * id, action, approver, step, time of the action): a retry inserts nothing. Not undone: audit.
   */
  @ActivityMethod
  void recordApproval(String workflowId, String runId, ApprovalRecord approval);

  /**
   * Which version runs on which colour and which colour is live, after a change. Idempotent by
   * (service, environment, colour): last write wins and an unchanged slot is not touched. Not
   * undone: it mirrors the platform, and every run records the slots again at its end, rolled back
   * or not.
   */
  @ActivityMethod
  void recordSlots(ServiceState state);

  /**
   * The run's outcome, reason and live version. Idempotent by (workflow id, run id): a retry keeps
   * the first finish time and writes the same outcome. Not undone: bookkeeping.
   */
  @ActivityMethod
  void recordRunFinished(String workflowId, String runId, Outcome outcome, String reason, String liveVersion);

  /**
   * Stores the report and returns its id. Idempotent by (workflow id, run id): the id is derived
   * from them, and a retry keeps the report stored first and returns the same id. Not undone:
   * bookkeeping.
   */
  @ActivityMethod
  String writeIncidentReport(IncidentReport report);
}
