package dev.runbook.starter.run;

/**
 * A step the workflow scheduled that no worker has picked up yet: it waits for a free slot on its
 * task queue (e.g. every watch slot of {@code runbook-watch} held by open windows).
 *
 * @param activity the step's summary when it has one, else its activity type
 * @param taskQueue the queue it waits on
 * @param seconds how long it has waited
 */
public record QueuedActivity(String activity, String taskQueue, long seconds) {

  /** "queued: Smoke test green on task queue runbook for 12s (no free worker slot)". */
  public String describe() {
    return "queued: " + activity + " on task queue " + taskQueue + " for " + seconds + "s (no free worker slot)";
  }
}
