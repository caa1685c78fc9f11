package dev.runbook.workflows.schedules;

import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.incident.Timers;
import dev.runbook.workflows.kit.Failures;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.ChildWorkflowStub;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;

/** See {@link SchedulerWorkflow}. Every decision is in history: a replay after a worker restart fires nothing twice. */
public class SchedulerWorkflowImpl implements SchedulerWorkflow {
  static final int RECENT = 20;
  private static final Logger log = Workflow.getLogger(SchedulerWorkflowImpl.class);

  private ScheduledJob job;
  private CronSpec cron;
  private long lastScheduledAt;
  private boolean paused;
  private String note;
  private long fired;
  private long skipped;
  private long missed;
  private final List<FireRecord> recent = new ArrayList<>();
  private final Deque<ScheduleCommand> triggers = new ArrayDeque<>();
  private Long nextFireAt;
  private String runningId;
  private Promise<RunbookResult> running;
  private int runningRecord = -1;
  private Long buffered;
  private boolean pauseSignalled;
  private ScheduleNotices notices;

  @Override
  public void run(SchedulerState state) {
    job = state.job();
    cron = CronSpec.parse(job.cron());
    notices = new ScheduleNotices(job);
    lastScheduledAt = state.lastScheduledAtMillis() != null ? state.lastScheduledAtMillis() : Workflow.currentTimeMillis();
    if (!pauseSignalled) { // a pause or unpause that came with the first task wins over the carried state
      paused = state.paused();
      note = state.note();
    }
    fired = state.fired();
    skipped = state.skipped();
    missed = state.missed();
    recent.addAll(state.recent());
    int firesThisRun = 0;
    while (true) {
      long due = cron.next(Instant.ofEpochMilli(lastScheduledAt)).toEpochMilli();
      nextFireAt = due;
      Timers.awaitUntil(due, "next fire " + Instant.ofEpochMilli(due),
          () -> !triggers.isEmpty() || (running != null && running.isCompleted()));
      if (running != null && running.isCompleted()) {
        childEnded();
        if (buffered != null) {
          long at = buffered;
          buffered = null;
          firesThisRun += start(at, "buffered") ? 1 : 0;
        }
      }
      while (!triggers.isEmpty()) {
        ScheduleCommand t = triggers.poll();
        firesThisRun += fire(Workflow.currentTimeMillis(), "trigger by " + t.by()) ? 1 : 0;
      }
      long now = Workflow.currentTimeMillis();
      if (now >= due) {
        lastScheduledAt = due;
        if (paused) {
          record(new FireRecord(due, now, "scheduled", null, "PAUSED", note));
        } else if (now - due > job.catchupWindowSeconds() * 1000) {
          missed++;
          String late = "found " + (now - due) / 1000 + "s late, beyond the catch-up window of "
              + job.catchupWindowSeconds() + "s";
          record(new FireRecord(due, now, "scheduled", null, "MISSED", late));
          notices.counted("missed", due, late);
        } else {
          firesThisRun += fire(due, "scheduled") ? 1 : 0;
        }
      }
      boolean longHistory = Workflow.getInfo().getHistoryLength() > 4000; // paused for months: timers only
      if ((firesThisRun >= state.firesPerRun() || longHistory) && running == null && buffered == null && triggers.isEmpty()) {
        log.info("schedule {}: continuing as new after {} fires", job.name(), firesThisRun);
        Workflow.continueAsNew(new SchedulerState(job, lastScheduledAt, paused, note, fired, skipped, missed,
            List.copyOf(recent), state.firesPerRun()));
      }
    }
  }

  /** Applies the overlap policy to a fire at {@code at}; true when a run started. */
  private boolean fire(long at, String how) {
    if (running == null) {
      return start(at, how);
    }
    if (job.overlap() == Overlap.BUFFER_ONE && buffered == null) {
      buffered = at;
      record(new FireRecord(at, Workflow.currentTimeMillis(), how, null, "BUFFERED", "waits for " + runningId));
      return false;
    }
    skip(at, how, "the previous run " + runningId + " is still going (overlap " + job.overlap() + ")");
    return false;
  }

  private boolean start(long at, String how) {
    String id = job.runWorkflowId();
    ChildWorkflowStub child = Workflow.newUntypedChildWorkflowStub(job.procedureEntry().workflowType(),
        ChildWorkflowOptions.newBuilder().setWorkflowId(id)
            // the run is the procedure's own: it finishes even if this scheduler is reset or ended
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            .setStaticSummary(job.name() + " " + how + " for " + Instant.ofEpochMilli(at)).build());
    Promise<RunbookResult> result = child.executeAsync(RunbookResult.class,
        job.request("schedule", Instant.ofEpochMilli(at).toString()));
    try {
      child.getExecution().get();
    } catch (TemporalFailure alreadyRunning) {
      // started by someone else under the same business key: that is an overlap too
      skip(at, how, id + " could not start: " + Failures.rootMessage(alreadyRunning));
      return false;
    }
    fired++;
    running = result;
    runningId = id;
    runningRecord = record(new FireRecord(at, Workflow.currentTimeMillis(), how, id, "STARTED", null));
    return true;
  }

  private void childEnded() {
    FireRecord started = recent.get(runningRecord);
    try {
      RunbookResult r = running.get();
      recent.set(runningRecord, started.ended(r.outcome().name(), r.reason()));
    } catch (TemporalFailure failed) {
      String why = Failures.rootMessage(failed);
      recent.set(runningRecord, started.ended("FAILED", why));
      if (job.pauseOnFailure()) {
        paused = true;
        note = "paused after " + runningId + " failed: " + why;
        notices.paused(started.scheduledAtMillis(), note);
      }
    }
    running = null;
    runningId = null;
    runningRecord = -1;
  }

  private void skip(long at, String how, String why) {
    skipped++;
    record(new FireRecord(at, Workflow.currentTimeMillis(), how, null, "SKIPPED", why));
    notices.counted("skipped", at, why);
  }

  /** Keeps the last {@link #RECENT} fires; returns the index of the one added. */
  private int record(FireRecord r) {
    if (recent.size() == RECENT) {
      recent.remove(0);
      runningRecord = runningRecord > 0 ? runningRecord - 1 : runningRecord;
    }
    recent.add(r);
    log.info("schedule {}: {} {} {}", job.name(), r.result(), r.how(), r.detail() == null ? "" : r.detail());
    return recent.size() - 1;
  }

  @Override
  public void trigger(ScheduleCommand command) {
    triggers.add(command == null ? new ScheduleCommand("unknown", null) : command);
  }

  @Override
  public void pause(ScheduleCommand command) {
    pauseSignalled = true;
    paused = true;
    note = "paused by " + (command == null ? "unknown" : command.by())
        + (command == null || command.note() == null ? "" : ": " + command.note());
  }

  @Override
  public void unpause(ScheduleCommand command) {
    pauseSignalled = true;
    paused = false;
    note = "unpaused by " + (command == null ? "unknown" : command.by())
        + (command == null || command.note() == null ? "" : ": " + command.note());
  }

  @Override
  public ScheduleView describe() {
    return new ScheduleView(job == null ? null : job.name(), ScheduleControl.FALLBACK, job, paused, note, nextFireAt,
        runningId, buffered, fired, skipped, missed, List.copyOf(recent));
  }
}
