package dev.runbook.workflows.kit;

import io.temporal.workflow.CancellationScope;

/**
 * The cancellation scopes a signal may cut short: the forward path while it runs (what an abort
 * cancels) and the watch window in progress (what a promote ends early). Set by the workflow
 * thread, cancelled by the handlers.
 */
public final class RunScopes {
  private CancellationScope forward;
  private CancellationScope watch;

  void forward(CancellationScope scope) {
    this.forward = scope;
  }

  void watch(CancellationScope scope) {
    this.watch = scope;
  }

  /** Cancels the forward path if it is running; its compensations then run. */
  public void cancelForward(String reason) {
    if (forward != null) {
      forward.cancel(reason);
    }
  }

  /** Ends a running watch window early. */
  public void cancelWatch(String reason) {
    if (watch != null) {
      watch.cancel(reason);
    }
  }
}
