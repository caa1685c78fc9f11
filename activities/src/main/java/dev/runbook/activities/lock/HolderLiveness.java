package dev.runbook.activities.lock;

/**
 * Whether a lock holder's run is still open. A closed run (completed, failed, terminated, timed
 * out, cancelled, continued as new) or one the server does not know can never release its own
 * lock, so the lock store releases it for it.
 */
@FunctionalInterface
public interface HolderLiveness {

  /** True while the exact run is open; throws when the server cannot say (the caller retries). */
  boolean isOpen(String workflowId, String runId);
}
