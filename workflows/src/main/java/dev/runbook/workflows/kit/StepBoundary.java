package dev.runbook.workflows.kit;

import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLocal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * An abort, a pre-emption or a cancel through Temporal takes effect between steps, never inside
 * one: a short activity in flight is not cancelled but runs to its end in a detached scope, and
 * the next forward step is refused once the run's scope is cancelled (a {@link CanceledFailure},
 * so the saga rolls back what the finished step did).
 *
 * <p>Why not cancel it: the compensation must not overtake the step it undoes, so a cancelled step
 * was waited for anyway; and the Java test server (the embedded default) rejects a cancel request
 * for an activity whose completion arrives while that workflow task is in flight (ACTIVITY_UNKNOWN),
 * which left such a run stuck, its target locked, for good. Long waits (watch windows, approval
 * timers) stay cancellable. Runs started before this version keep cancelling their steps.
 */
public final class StepBoundary {
  static final String STEPS_FINISH_ON_ABORT = "steps-finish-on-abort";

  private static final WorkflowLocal<Boolean> FINISH_IN_FLIGHT = WorkflowLocal.withCachedInitial(
      () -> Workflow.getVersion(STEPS_FINISH_ON_ABORT, Workflow.DEFAULT_VERSION, 1) == 1);

  private StepBoundary() {}

  /** A forward step: not started once the run is being stopped, otherwise run to its end. */
  public static <T> T step(Class<T> type, T stub) {
    return proxy(type, stub, true);
  }

  /** Bookkeeping (registry, notification, target lock): always run to its end, even when stopping. */
  public static <T> T bookkeeping(Class<T> type, T stub) {
    return proxy(type, stub, false);
  }

  private static <T> T proxy(Class<T> type, T stub, boolean refusedWhenStopping) {
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class || !FINISH_IN_FLIGHT.get()) {
        return call(stub, method, args);
      }
      CancellationScope scope = CancellationScope.current();
      if (refusedWhenStopping && scope.isCancelRequested()) {
        throw new CanceledFailure("not started, the run is being stopped: " + scope.getCancellationReason());
      }
      Object[] result = new Object[1];
      Workflow.newDetachedCancellationScope(() -> result[0] = call(stub, method, args)).run();
      return result[0];
    });
    return type.cast(proxy);
  }

  private static Object call(Object stub, Method method, Object[] args) {
    try {
      return method.invoke(stub, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
