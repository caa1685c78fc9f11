package dev.runbook.workflows.schedules;

import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import java.time.Duration;
import java.util.List;

/**
 * A {@link ScheduledJob} as a Temporal Schedule, for a cluster with the Schedules API: the cron
 * spec in UTC, the overlap policy, the catch-up window and pause-on-failure, the procedure started
 * under its business key (the server appends the fire time to the id) on the runbook task queue.
 */
public final class TemporalSchedules {
  private TemporalSchedules() {}

  public static Schedule build(ScheduledJob job, String taskQueue) {
    CronSpec.parse(job.cron()); // a bad spec fails here, naming the field, not at the server
    return Schedule.newBuilder()
        .setAction(ScheduleActionStartWorkflow.newBuilder()
            .setWorkflowType(job.procedureEntry().workflowType())
            .setArguments(job.request("schedule", null))
            .setOptions(WorkflowOptions.newBuilder().setWorkflowId(job.runWorkflowId()).setTaskQueue(taskQueue)
                .setStaticSummary(job.name() + " (schedule)").build())
            .build())
        .setSpec(ScheduleSpec.newBuilder().setCronExpressions(List.of(job.cron())).setTimeZoneName("UTC").build())
        .setPolicy(SchedulePolicy.newBuilder().setOverlap(job.overlap().temporal())
            .setCatchupWindow(Duration.ofSeconds(job.catchupWindowSeconds()))
            .setPauseOnFailure(job.pauseOnFailure()).build())
        .setState(ScheduleState.newBuilder().setPaused(false)
            .setNote("created by the runbook worker from runbook.schedules." + job.name()).build())
        .build();
  }
}
