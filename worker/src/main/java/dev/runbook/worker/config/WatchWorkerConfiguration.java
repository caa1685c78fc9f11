package dev.runbook.worker.config;

import dev.runbook.activities.support.ActivityHeartbeatInterceptor;
import dev.runbook.workflows.api.TaskQueues;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Worker interceptors (the starter adds every {@code WorkerInterceptor} bean to the worker
 * factory): automatic heartbeats for the run queue's short activities, and the watch slot gauge.
 * The watch worker itself is declared in application.yml ({@code spring.temporal.workers}).
 */
@Configuration(proxyBeanMethods = false)
class WatchWorkerConfiguration {
  /** Well inside the stubs' 10 s heartbeat timeout (the SDK throttles to 80% of it anyway). */
  static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(2);

  @Bean(destroyMethod = "close")
  ActivityHeartbeatInterceptor activityHeartbeatInterceptor(RunbookProperties properties) {
    // the run queue only: a watch heartbeats its own progress, which an automatic beat must not replace
    return new ActivityHeartbeatInterceptor(Set.of(properties.taskQueue()), HEARTBEAT_INTERVAL);
  }

  @Bean
  WatchSlotGauge watchSlotGauge(RunbookProperties properties, WatchProperties watch, MeterRegistry registry) {
    return new WatchSlotGauge(TaskQueues.watchQueueOf(properties.taskQueue()), watch.slots(), registry);
  }
}
