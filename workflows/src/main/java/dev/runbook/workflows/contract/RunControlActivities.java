package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Acts on other runs through the Temporal client. */
@ActivityInterface
public interface RunControlActivities {

  /**
   * Aborts the run with {@code workflowId} if one is running and waits (heartbeating) until it has
   * finished, its rollback included. Returns the aborted run's outcome, or null when none was
   * running. Idempotent by the open run of {@code workflowId}: a run already aborting or finished is
   * only awaited, none running does nothing. Keyed by workflow id alone, though: every attempt looks
   * the open run up again, so a retry after the aborted run ended would abort a newer run started
   * under the same id meanwhile. Not undone: an abort cannot be taken back; the aborted run undoes
   * its own changes.
   */
  @ActivityMethod
  String abortRunAndWait(String workflowId, String approver, String reason);

  /**
   * Aborts exactly the run {@code runId} of {@code workflowId} (a lock's holder) if it is still
   * running, and waits (heartbeating) until it has finished, its rollback included. Returns its
   * outcome, or null when it had already ended. Idempotent by (workflowId, runId): a retry aborts
   * or awaits the same run, never a newer one started under the same id. Not undone: the aborted
   * run undoes its own changes.
   */
  @ActivityMethod
  String abortExactRunAndWait(String workflowId, String runId, String approver, String reason);

  /**
   * Describes the run with {@code workflowId} if one is running ("emergency-deploy v1.5.2 by
   * alice, run 3f2c…"), else null. Read-only: safe to repeat, nothing to undo.
   */
  @ActivityMethod
  String describeRunning(String workflowId);
}
