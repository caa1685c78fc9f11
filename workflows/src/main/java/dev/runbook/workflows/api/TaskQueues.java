package dev.runbook.workflows.api;

/** Default task queue shared by the worker and the CLI (both can override it in config). */
public final class TaskQueues {
  public static final String RUNBOOK = "runbook";

  private TaskQueues() {}
}
