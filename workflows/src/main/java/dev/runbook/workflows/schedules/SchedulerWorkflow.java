package dev.runbook.workflows.schedules;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The fallback for a server without the Schedules API (the embedded test server): one long-running
 * workflow per schedule ({@code scheduler:<name>}) that sleeps on durable timers until the spec's
 * next UTC instant, starts the procedure as a child under its business key, applies the overlap
 * policy by looking at the previous child, counts skipped and missed fires, pauses after a failed
 * run when asked to, and continues as new when idle after a number of fires.
 */
@WorkflowInterface
public interface SchedulerWorkflow {

  @WorkflowMethod(name = "RunbookScheduler")
  void run(SchedulerState state);

  @SignalMethod(description = "Start a run now (the overlap policy applies): {\"by\":\"alice\"}")
  void trigger(ScheduleCommand command);

  @SignalMethod(description = "Stop firing until unpaused: {\"by\":\"alice\",\"note\":\"why\"}")
  void pause(ScheduleCommand command);

  @SignalMethod(description = "Fire again from the next spec instant: {\"by\":\"alice\"}")
  void unpause(ScheduleCommand command);

  @QueryMethod(name = "schedule", description = "The schedule: spec, policies, next fire, running, counters, recent fires")
  ScheduleView describe();
}
