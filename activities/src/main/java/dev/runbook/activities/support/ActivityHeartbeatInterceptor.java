package dev.runbook.activities.support;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats every activity on the given task queues while it runs, so that a short activity
 * (deploy, smoke test, shift, retire, a compensation) given a heartbeat timeout is retried
 * within that timeout when its worker dies, instead of after its whole start-to-close.
 *
 * <p>Only for queues whose activities do not rely on their own heartbeat details: the watch
 * queue is left out, because a watch resumes from the details it heartbeats. The latest details an
 * activity gave are sent again, never replaced. A cancellation that reaches the beat is ignored:
 * an abort lets a step in flight finish (the workflows' StepBoundary; runs from before it asked
 * for WAIT_CANCELLATION_COMPLETED), so these steps end on their own.
 */
public final class ActivityHeartbeatInterceptor extends WorkerInterceptorBase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ActivityHeartbeatInterceptor.class);

  private final Set<String> taskQueues;
  private final long intervalMillis;
  private final ScheduledExecutorService ticker;

  public ActivityHeartbeatInterceptor(Set<String> taskQueues, Duration interval) {
    this.taskQueues = Set.copyOf(taskQueues);
    this.intervalMillis = interval.toMillis();
    // one daemon thread beats for every running activity: a beat is a non-blocking hand-off to the SDK
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "activity-heartbeat");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new Beating(next);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }

  private final class Beating extends ActivityInboundCallsInterceptorBase {
    private ActivityExecutionContext context;

    Beating(ActivityInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public void init(ActivityExecutionContext context) {
      this.context = context;
      super.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
      ActivityInfo info = context.getInfo();
      if (info.isLocal() || !taskQueues.contains(info.getActivityTaskQueue())) {
        return super.execute(input);
      }
      ActivityExecutionContext ctx = context;
      ScheduledFuture<?> beats = ticker.scheduleWithFixedDelay(() -> beat(ctx), intervalMillis, intervalMillis,
          TimeUnit.MILLISECONDS);
      try {
        return super.execute(input);
      } finally {
        beats.cancel(false);
      }
    }
  }

  private static void beat(ActivityExecutionContext ctx) {
    try {
      ctx.heartbeat(ctx.getHeartbeatDetails(Object.class).orElse(null));
    } catch (ActivityCompletionException cancelledOrTimedOut) {
      // the activity learns it from its own heartbeat, if it has any; it is waited for meanwhile
    } catch (RuntimeException e) {
      log.warn("heartbeat of {} {} failed: {}", ctx.getInfo().getActivityType(), ctx.getInfo().getActivityId(),
          e.toString());
    }
  }
}
