package dev.runbook.starter.run;

/**
 * A step the workflow scheduled that is not getting anywhere: no worker has picked it up yet (it
 * waits for a free slot on its task queue, e.g. every watch slot of {@code runbook-watch} held by
 * open windows), or its attempts keep failing and Temporal retries it (e.g. the release registry's
 * Postgres is down while the run records an approval). Either way the run waits on it, and the
 * status says so instead of looking stuck.
 *
 * @param activity the step's summary when it has one, else its activity type
 * @param taskQueue the queue it waits on
 * @param seconds how long it has waited (since it was scheduled or its last attempt ended)
 * @param attempt the attempt Temporal is on (1 while never tried)
 * @param lastFailure what the last attempt failed with; null while it only waits for a worker
 */
public record QueuedActivity(String activity, String taskQueue, long seconds, int attempt, String lastFailure) {

  public QueuedActivity(String activity, String taskQueue, long seconds) {
    this(activity, taskQueue, seconds, 1, null);
  }

  /** True when it waits for a worker slot, false when it is being retried after failures. */
  public boolean waitsForWorker() {
    return lastFailure == null;
  }

  /**
   * "queued: Smoke test green on task queue runbook for 12s (no free worker slot)", or "retrying:
   * release registry (attempt 4, failing for 12s): Connection to 127.0.0.1:54329 refused".
   */
  public String describe() {
    if (waitsForWorker()) {
      return "queued: " + activity + " on task queue " + taskQueue + " for " + seconds + "s (no free worker slot)";
    }
    return "retrying: " + activity + " (attempt " + attempt + ", failing for " + seconds + "s): " + lastFailure;
  }
}
