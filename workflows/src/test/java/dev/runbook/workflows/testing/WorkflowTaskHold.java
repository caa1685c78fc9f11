package dev.runbook.workflows.testing;

import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.unsafe.WorkflowUnsafe;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * A worker interceptor that can hold a workflow task in flight: when the workflow is about to
 * schedule an activity matching the armed predicate (activity type and arguments), or to wait with
 * a timeout ({@code Workflow.await(Duration, ...)}, armed with the name {@link #AWAIT}), the
 * workflow thread waits until the test releases it; or when it is about to handle a signal (armed
 * with {@code SIGNAL + name}), so that something else happens while that workflow task is in flight. Signals sent meanwhile are buffered by the server and reach the workflow together,
 * in the next workflow task. (WorkerFactory.suspendPolling does not stop a poll already waiting on
 * the server, so it cannot guarantee that.) Never holds during replay. Needs a deadlock detection
 * timeout longer than the hold.
 */
public final class WorkflowTaskHold extends WorkerInterceptorBase {
  /** The "activity name" a timed {@code Workflow.await} is matched with. */
  public static final String AWAIT = "Workflow.await";
  /** The prefix of the name a signal is matched with: {@code "signal:abort"}. */
  public static final String SIGNAL = "signal:";

  private volatile BiPredicate<String, Object[]> armed;
  private volatile CountDownLatch entered = new CountDownLatch(1);
  private volatile CountDownLatch released = new CountDownLatch(1);

  /** Holds the workflow task that schedules the next activity for which {@code when} is true. */
  public void arm(BiPredicate<String, Object[]> when) {
    entered = new CountDownLatch(1);
    released = new CountDownLatch(1);
    armed = when;
  }

  public void awaitHeld() {
    try {
      if (!entered.await(20, TimeUnit.SECONDS)) {
        throw new AssertionError("no workflow task was held");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public void release() {
    released.countDown();
  }

  private void maybeHold(String name, Object[] args) {
    BiPredicate<String, Object[]> when = armed;
    if (when != null && !WorkflowUnsafe.isReplaying() && when.test(name, args)) {
      armed = null;
      entered.countDown();
      try {
        released.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void handleSignal(SignalInput input) {
        maybeHold(SIGNAL + input.getSignalName(), input.getArguments());
        super.handleSignal(input);
      }

      @Override
      public void init(WorkflowOutboundCallsInterceptor outbound) {
        super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
          @Override
          public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
            maybeHold(input.getActivityName(), input.getArgs());
            return super.executeActivity(input);
          }

          @Override
          public boolean await(java.time.Duration timeout, String reason, java.util.function.Supplier<Boolean> until) {
            maybeHold(AWAIT, new Object[] {timeout});
            return super.await(timeout, reason, until);
          }
        });
      }
    };
  }
}
