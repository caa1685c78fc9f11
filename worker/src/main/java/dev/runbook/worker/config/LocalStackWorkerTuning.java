package dev.runbook.worker.config;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Embedded stack only ({@code runbook.local-stack: true}): the Java test server never times out
 * a dead worker's sticky queue, so a restarted worker would never get the workflow tasks of runs
 * cached by the killed one. A zero sticky schedule-to-start timeout sends them to the normal
 * queue. Never in production, where the real server handles it.
 */
@Component
@ConditionalOnProperty(name = "runbook.local-stack", havingValue = "true")
class LocalStackWorkerTuning implements WorkerOptionsCustomizer {
  @Override
  public WorkerOptions.Builder customize(WorkerOptions.Builder options, String workerName, String taskQueue) {
    return options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
  }
}
