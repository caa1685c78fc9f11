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

  @ActivityMethod
  void recordRunStarted(RunRecord run);

  /** Accepted and rejected approver actions alike: the audit trail. */
  @ActivityMethod
  void recordApproval(String workflowId, String runId, ApprovalRecord approval);

  /** Which version runs on which colour and which colour is live, after a change. */
  @ActivityMethod
  void recordSlots(ServiceState state);

  @ActivityMethod
  void recordRunFinished(String workflowId, String runId, Outcome outcome, String reason, String liveVersion);

  /** Stores the report and returns its id; the same workflow and run give the same id. */
  @ActivityMethod
  String writeIncidentReport(IncidentReport report);
}
