package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The target lock in the runbook's own schema: at most one run changes a target at a time,
 * whatever its workflow id or procedure, checked and taken in one serialised transaction, so no
 * client (CLI, Temporal UI, a script) can bypass it. A holder whose run has closed is released
 * without a person by the next acquirer that meets it.
 */
@ActivityInterface
public interface TargetLockActivities {

  /**
   * Takes every target of the request, or none: refused, naming the oldest live run holding a
   * conflicting target (equal, covering or covered path). Targets held by the request's parent
   * chain are granted. Idempotent by holder (workflow id + run id): asking again returns the grant
   * and keeps the first {@code since}. Undone by {@link #release}. Bad input fails non-retryably.
   */
  @ActivityMethod
  LockGrant acquire(LockRequest request);

  /**
   * Declares whether the holder may be pre-empted (aborted by an emergency deploy or a rollback) in
   * the phase it enters now. Idempotent by holder: the last value wins; a holder that holds
   * nothing is left alone. Undone by calling it again with the previous value.
   */
  @ActivityMethod
  void setPreemptible(String holderWorkflowId, String holderRunId, boolean preemptible);

  /**
   * Releases everything the holder (workflow id + run id) holds. Idempotent by holder: releasing
   * twice, or releasing nothing, does nothing. Undone by acquiring again.
   */
  @ActivityMethod
  void release(String holderWorkflowId, String holderRunId);
}
