package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Every learner write to an environment's progress table, captured from just before the run's
 * snapshot until the run ends, so a restore of the snapshot keeps every XP point and completion
 * written after it. The capture is a row trigger on the owned schema's {@code user_progress} that
 * appends the written document to a ledger in schema {@code runbook_capture} of the same database,
 * in the writer's own transaction: a write that commits is captured, one that rolls back is not,
 * and the ledger lives outside what a restore rewinds. Keyed by run (workflow id + run id).
 */
@ActivityInterface
public interface LearnerWriteCaptureActivities {

  /**
   * Starts the capture of the run (creates the ledger and the trigger function if missing, then the
   * run's trigger). Idempotent by run: a started capture stays as it is. Undone by {@link #stopCapture}.
   */
  @ActivityMethod
  CaptureStatus startCapture(SnapshotRequest run);

  /**
   * After a restore: writes each captured learner's latest captured document back over the
   * restored one, compare-and-set on its revision (the restored schema stores the document as the
   * learner wrote it), in one transaction, then verifies per learner that XP is at least both the
   * restored (snapshot) value and every captured value, and that the completions hold every one
   * restored or captured. A shortfall fails non-retryably ({@link #PROGRESS_LOST}) naming the
   * learners; nothing is committed then. Idempotent by run: a learner already holding the document
   * is left alone. Undone by nothing (it is the undo).
   */
  @ActivityMethod
  ReapplyResult reapplyCapturedWrites(SnapshotRequest run);

  /** Drops the run's trigger; the ledger rows stay as the run's record. Idempotent: a stopped capture stays stopped. */
  @ActivityMethod
  CaptureStatus stopCapture(SnapshotRequest run);

  /** Failure type of a re-apply whose XP or completions check found a learner short. */
  String PROGRESS_LOST = "ProgressLost";
}
