package dev.runbook.worker.config;

import dev.runbook.workflows.schedules.ScheduleControl;
import dev.runbook.workflows.schedules.ScheduledJob;
import dev.runbook.workflows.schedules.ScheduledJobs;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the scheduled operations at every start: as Temporal Schedules when the server has the
 * API, else as fallback scheduler workflows (the embedded server forgets them on restart, so they
 * are made again here; one already running is kept). The log says which path is used. A failure
 * is logged and never stops the worker.
 */
@Component
class SchedulesOnStart {
  private static final Logger log = LoggerFactory.getLogger(SchedulesOnStart.class);

  private final WorkflowClient client;
  private final SchedulesProperties properties;
  private final RunbookProperties runbook;

  SchedulesOnStart(WorkflowClient client, SchedulesProperties properties, RunbookProperties runbook) {
    this.client = client;
    this.properties = properties;
    this.runbook = runbook;
  }

  /** The configured jobs: the defaults, with the cron specs the configuration replaces. */
  static List<ScheduledJob> jobs(SchedulesProperties properties) {
    return ScheduledJobs.defaults().stream().map(j -> properties.cron().containsKey(j.name())
        ? new ScheduledJob(j.name(), j.procedure(), j.environment(), properties.cron().get(j.name()), j.overlap(),
            j.catchupWindowSeconds(), j.pauseOnFailure()) : j).toList();
  }

  @EventListener(ApplicationReadyEvent.class)
  void createSchedules() {
    if (!properties.enabled()) {
      log.info("schedules: disabled (runbook.schedules.enabled=false)");
      return;
    }
    try {
      ScheduleControl control = new ScheduleControl(client, ScheduleClient.newInstance(client.getWorkflowServiceStubs(),
          ScheduleClientOptions.newBuilder().setNamespace(client.getOptions().getNamespace()).build()),
          runbook.taskQueue());
      String mode = control.mode();
      log.info("schedules: {}", mode.equals(ScheduleControl.CLUSTER) ? "Temporal Schedules (the server has the API)"
          : "fallback scheduler workflows (the server answers UNIMPLEMENTED for Schedules)");
      for (ScheduledJob job : jobs(properties)) {
        log.info("schedules: {} ({} UTC, overlap {})", control.ensure(job), job.cron(), job.overlap());
      }
    } catch (RuntimeException e) {
      log.error("schedules: could not create them; scheduled operations will not run until the next start: {}",
          e.toString());
    }
  }
}
