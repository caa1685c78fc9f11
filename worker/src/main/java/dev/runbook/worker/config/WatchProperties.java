package dev.runbook.worker.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The watch worker ({@code runbook.watch}): watch windows run on the run queue's watch queue
 * ({@code <task-queue>-watch}) with their own executor, so open windows never hold the slots that
 * deploy steps and compensations need. A second worker process polling both queues adds both.
 *
 * @param slots concurrent watch windows in this process (one thread each while open)
 * @param pollers concurrent pollers on the watch queue
 */
@ConfigurationProperties("runbook.watch")
public record WatchProperties(@DefaultValue("1000") int slots, @DefaultValue("2") int pollers) {

  public WatchProperties {
    if (slots < 1 || pollers < 1) {
      throw new IllegalArgumentException("runbook.watch.slots and runbook.watch.pollers must be at least 1, got "
          + slots + " and " + pollers);
    }
  }
}
