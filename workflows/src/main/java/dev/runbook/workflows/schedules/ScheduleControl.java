package dev.runbook.workflows.schedules;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.ScheduleUpdate;
import java.time.Instant;
import java.util.List;

/**
 * Client side (the worker at start-up, the CLI): runs each {@link ScheduledJob} as a Temporal
 * Schedule when the server has the Schedules API, else as a fallback {@link SchedulerWorkflow},
 * chosen once by asking the server (the embedded test server answers UNIMPLEMENTED), and lists,
 * triggers, pauses and unpauses them on whichever path that is.
 */
public final class ScheduleControl {
  public static final String CLUSTER = "temporal-schedule";
  public static final String FALLBACK = "fallback-workflow";

  private final WorkflowClient client;
  private final ScheduleClient schedules;
  private final String taskQueue;
  private String mode;

  public ScheduleControl(WorkflowClient client, ScheduleClient schedules, String taskQueue) {
    this.client = client;
    this.schedules = schedules;
    this.taskQueue = taskQueue;
  }

  /** {@link #CLUSTER} or {@link #FALLBACK}, asked of the server once. */
  public synchronized String mode() {
    if (mode == null) {
      try {
        schedules.listSchedules(1).findFirst();
        mode = CLUSTER;
      } catch (RuntimeException e) {
        if (!unimplemented(e)) {
          throw e;
        }
        mode = FALLBACK;
      }
    }
    return mode;
  }

  static boolean unimplemented(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return true;
      }
    }
    return false;
  }

  /**
   * Creates the schedule, or brings an existing one to {@code job}'s spec and policies (its
   * paused state is kept). Returns what was done, for the worker's log.
   */
  public String ensure(ScheduledJob job) {
    if (mode().equals(CLUSTER)) {
      try {
        schedules.createSchedule(job.name(), TemporalSchedules.build(job, taskQueue), ScheduleOptions.newBuilder().build());
        return "created Temporal Schedule " + job.name();
      } catch (ScheduleAlreadyRunningException exists) {
        schedules.getHandle(job.name()).update(in -> {
          var built = TemporalSchedules.build(job, taskQueue);
          return new ScheduleUpdate(io.temporal.client.schedules.Schedule.newBuilder(built)
              .setState(in.getDescription().getSchedule().getState()).build());
        });
        return "updated Temporal Schedule " + job.name();
      }
    }
    SchedulerWorkflow stub = client.newWorkflowStub(SchedulerWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(job.schedulerWorkflowId()).setTaskQueue(taskQueue)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setStaticSummary("schedule " + job.name() + ": " + job.cron() + " UTC, fallback scheduler").build());
    try {
      WorkflowClient.start(stub::run, SchedulerState.start(job));
      return "started fallback scheduler workflow " + job.schedulerWorkflowId();
    } catch (WorkflowExecutionAlreadyStarted running) {
      return "fallback scheduler workflow " + job.schedulerWorkflowId() + " already running (kept as it is)";
    }
  }

  /** The schedule as it runs now; null when it does not exist. */
  public ScheduleView describe(ScheduledJob job) {
    if (mode().equals(CLUSTER)) {
      try {
        ScheduleDescription d = schedules.getHandle(job.name()).describe();
        var info = d.getInfo();
        List<Instant> next = info.getNextActionTimes();
        List<FireRecord> recent = info.getRecentActions().stream().map(a -> new FireRecord(
            a.getScheduledAt().toEpochMilli(), a.getStartedAt().toEpochMilli(), "scheduled", workflowId(a.getAction()),
            "STARTED", null)).toList();
        return new ScheduleView(job.name(), CLUSTER, job, d.getSchedule().getState().isPaused(),
            d.getSchedule().getState().getNote(), next.isEmpty() ? null : next.get(0).toEpochMilli(),
            info.getRunningActions().isEmpty() ? null : workflowId(info.getRunningActions().get(0)), null,
            info.getNumActions(), info.getNumActionsSkippedOverlap(), info.getNumActionsMissedCatchupWindow(), recent);
      } catch (io.temporal.client.schedules.ScheduleException | StatusRuntimeException missing) {
        return null;
      }
    }
    try {
      return scheduler(job).describe();
    } catch (io.temporal.client.WorkflowNotFoundException | io.temporal.client.WorkflowQueryException missing) {
      return null;
    }
  }

  public void trigger(ScheduledJob job, String by) {
    if (mode().equals(CLUSTER)) {
      schedules.getHandle(job.name()).trigger();
    } else {
      scheduler(job).trigger(new ScheduleCommand(by, null));
    }
  }

  public void pause(ScheduledJob job, String by, String note) {
    if (mode().equals(CLUSTER)) {
      handle(job).pause("paused by " + by + (note == null ? "" : ": " + note));
    } else {
      scheduler(job).pause(new ScheduleCommand(by, note));
    }
  }

  public void unpause(ScheduledJob job, String by, String note) {
    if (mode().equals(CLUSTER)) {
      handle(job).unpause("unpaused by " + by + (note == null ? "" : ": " + note));
    } else {
      scheduler(job).unpause(new ScheduleCommand(by, note));
    }
  }

  private ScheduleHandle handle(ScheduledJob job) {
    return schedules.getHandle(job.name());
  }

  private SchedulerWorkflow scheduler(ScheduledJob job) {
    return client.newWorkflowStub(SchedulerWorkflow.class, job.schedulerWorkflowId());
  }

  private static String workflowId(io.temporal.client.schedules.ScheduleActionExecution a) {
    return a instanceof io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow w ? w.getWorkflowId() : null;
  }
}
