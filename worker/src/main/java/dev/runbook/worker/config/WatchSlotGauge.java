package dev.runbook.worker.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the watch windows this process runs, exported as {@code runbook_watch_slots_in_use} and
 * {@code runbook_watch_slots_available}: at zero available, further windows wait SCHEDULED on
 * the watch queue until one closes or another worker process takes them. No ids as labels.
 */
final class WatchSlotGauge extends WorkerInterceptorBase {
  private final String watchQueue;
  private final AtomicInteger inUse = new AtomicInteger();

  WatchSlotGauge(String watchQueue, int slots, MeterRegistry registry) {
    this.watchQueue = watchQueue;
    Gauge.builder("runbook.watch.slots.in.use", inUse, AtomicInteger::get)
        .description("watch windows running in this worker process").register(registry);
    Gauge.builder("runbook.watch.slots.available", inUse, n -> Math.max(0, slots - n.get()))
        .description("watch windows this worker process can still start").register(registry);
  }

  int inUse() {
    return inUse.get();
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        if (!watchQueue.equals(context.getInfo().getActivityTaskQueue())) {
          return super.execute(input);
        }
        inUse.incrementAndGet();
        try {
          return super.execute(input);
        } finally {
          inUse.decrementAndGet();
        }
      }
    };
  }
}
