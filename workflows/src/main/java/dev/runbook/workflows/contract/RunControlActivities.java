package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Acts on other runs through the Temporal client. */
@ActivityInterface
public interface RunControlActivities {

  /**
   * Aborts the run with {@code workflowId} if one is running and waits (heartbeating) until it has
   * finished, its rollback included. Returns the aborted run's outcome, or null when none was
   * running. Idempotent: aborting a finished run does nothing.
   */
  @ActivityMethod
  String abortRunAndWait(String workflowId, String approver, String reason);

  /**
   * Describes the run with {@code workflowId} if one is running ("emergency-deploy v1.5.2 by
   * alice, run 3f2c…"), else null. Read-only.
   */
  @ActivityMethod
  String describeRunning(String workflowId);
}
