package dev.runbook.workflows.api;

/** Default task queue shared by the worker and the CLI (both can override it in config). */
public final class TaskQueues {
  public static final String RUNBOOK = "runbook";
  /**
   * Watch windows run on their own queue and executor, so that however many windows are open,
   * deploy steps, registry writes and compensations on the run's queue still find a slot.
   */
  public static final String WATCH = watchQueueOf(RUNBOOK);

  private TaskQueues() {}

  /** The watch queue that goes with a run's task queue ("runbook" → "runbook-watch"). */
  public static String watchQueueOf(String runQueue) {
    return runQueue + "-watch";
  }
}
