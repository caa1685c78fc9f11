package dev.runbook.starter.schedules;

import dev.runbook.starter.CliException;
import dev.runbook.starter.TemporalConnection;
import dev.runbook.workflows.api.TaskQueues;
import dev.runbook.workflows.schedules.ScheduleControl;
import dev.runbook.workflows.schedules.ScheduledJob;
import dev.runbook.workflows.schedules.ScheduledJobs;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;

/** The CLI's handle on the schedules: the known jobs by name, and the control over a connection. */
final class Schedules {
  private Schedules() {}

  static ScheduleControl control(TemporalConnection temporal) {
    return new ScheduleControl(temporal.client(), ScheduleClient.newInstance(temporal.stubs(),
        ScheduleClientOptions.newBuilder().setNamespace(temporal.client().getOptions().getNamespace()).build()),
        TaskQueues.RUNBOOK);
  }

  /** The job named {@code name}; exit 64 naming the known ones otherwise. */
  static ScheduledJob job(String name) {
    return ScheduledJobs.defaults().stream().filter(j -> j.name().equals(name)).findFirst()
        .orElseThrow(() -> CliException.badInput("unknown schedule '" + name + "'; known: " + String.join(", ",
            ScheduledJobs.defaults().stream().map(ScheduledJob::name).toList())));
  }
}
