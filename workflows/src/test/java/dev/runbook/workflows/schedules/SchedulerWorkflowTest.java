package dev.runbook.workflows.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.contract.Notification;
import io.temporal.testing.WorkflowReplayer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fallback scheduler on a time-skipping server whose worker replays every task from history. */
class SchedulerWorkflowTest {
  private static final long DAY = 86_400_000L;
  private final SchedulerRig rig = new SchedulerRig();

  @AfterEach
  void close() {
    rig.close();
  }

  private static long nextSixUtc(Instant from) {
    Instant six = from.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(6));
    return (six.isAfter(from) ? six : six.plus(Duration.ofDays(1))).toEpochMilli();
  }

  @Test
  void firesAtTheSpecsUtcInstantsOncePerInstantUnderItsBusinessKey() throws Exception {
    long first = nextSixUtc(rig.now());
    SchedulerWorkflow s = rig.start(SchedulerRig.daily(Overlap.SKIP, false));

    rig.sleep(Duration.ofMillis(first - rig.now().toEpochMilli()).plusDays(2).plusMinutes(1));
    ScheduleView v = rig.await(s, "three fires done", x -> x.fired() == 3 && x.running() == null);

    assertThat(rig.job.startedAt).hasSize(3).allSatisfy(at -> assertThat(at % DAY).as("06:00 UTC")
        .isBetween(6 * 3_600_000L, 6 * 3_600_000L + 999));
    assertThat(rig.job.startedAt.get(0) / 1000).isEqualTo(first / 1000);
    assertThat(rig.job.requestIds).containsExactly(Instant.ofEpochMilli(first).toString(),
        Instant.ofEpochMilli(first + DAY).toString(), Instant.ofEpochMilli(first + 2 * DAY).toString());
    assertThat(v.recent()).extracting(FireRecord::result).containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
    assertThat(v.recent()).extracting(FireRecord::workflowId).containsOnly("health:daily:all");
    assertThat(v.nextFireAtMillis()).isEqualTo(first + 3 * DAY);
    assertThat(v.mode()).isEqualTo(ScheduleControl.FALLBACK);
    // what a new worker does with this history: replays it without a different decision
    WorkflowReplayer.replayWorkflowExecution(rig.client.fetchHistory("scheduler:daily-health-check"),
        SchedulerWorkflowImpl.class);
  }

  @Test
  void skipOverlapCountsAndNotifiesAFireWhileThePreviousRunGoesOn() throws Exception {
    rig.job.runSeconds = 30 * 3600; // longer than a day
    long first = nextSixUtc(rig.now());
    SchedulerWorkflow s = rig.start(SchedulerRig.daily(Overlap.SKIP, false));

    rig.sleep(Duration.ofMillis(first - rig.now().toEpochMilli()).plusDays(1).plusMinutes(1));
    ScheduleView v = rig.await(s, "second fire skipped", x -> x.skipped() == 1);

    assertThat(rig.job.startedAt).hasSize(1);
    assertThat(v.recent()).extracting(FireRecord::result).containsExactly("STARTED", "SKIPPED");
    assertThat(v.recent().get(1).detail()).contains("the previous run health:daily:all is still going (overlap SKIP)");
    assertThat(v.recent().get(1).scheduledAtMillis()).isEqualTo(first + DAY);
    List<Notification> skipped = rig.notifier.withTitleContaining("was skipped");
    assertThat(skipped).hasSize(1);
    assertThat(skipped.get(0).event()).isEqualTo("skipped:" + (first + DAY));
    assertThat(rig.metrics.awaitCounter("runbook_schedule_skipped", Map.of("schedule", "daily-health-check"), 1))
        .isEqualTo(1);
  }

  @Test
  void bufferOneStartsOneWaitingRunWhenThePreviousEndsAndSkipsTheNext() {
    rig.job.runSeconds = 10 * 3600;
    ScheduledJob every6h = new ScheduledJob("daily-health-check", "health-check", "all", "0 */6 * * *",
        Overlap.BUFFER_ONE, 3600, false);
    long first = rig.now().truncatedTo(ChronoUnit.HOURS).toEpochMilli();
    while (first <= rig.now().toEpochMilli() || (first / 3_600_000L) % 6 != 0) {
      first += 3_600_000L;
    }
    SchedulerWorkflow s = rig.start(every6h);

    // t0 starts (ends t0+10h); t0+6h is buffered and starts at t0+10h (ends t0+20h); t0+12h is
    // buffered behind it; t0+18h finds the buffer full: skipped
    rig.sleep(Duration.ofMillis(first - rig.now().toEpochMilli()).plusHours(18).plusMinutes(1));
    ScheduleView v = rig.await(s, "t0+18h skipped", x -> x.skipped() == 1);

    assertThat(v.recent()).extracting(FireRecord::result)
        .containsExactly("SUCCEEDED", "BUFFERED", "STARTED", "BUFFERED", "SKIPPED");
    assertThat(rig.job.startedAt).hasSize(2);
    assertThat(rig.job.startedAt.get(1) - first).as("the buffered run starts when the first ends")
        .isBetween(10 * 3_600_000L, 10 * 3_600_000L + 10_000);
    assertThat(v.recent().get(2).how()).isEqualTo("buffered");
    assertThat(v.buffered()).isEqualTo(first + 12 * 3_600_000L);
  }

  @Test
  void aFailedRunPausesTheScheduleUntilUnpaused() {
    rig.job.fail = true;
    long first = nextSixUtc(rig.now());
    SchedulerWorkflow s = rig.start(SchedulerRig.daily(Overlap.SKIP, true));

    rig.sleep(Duration.ofMillis(first - rig.now().toEpochMilli()).plusDays(1).plusMinutes(1));
    ScheduleView v = rig.await(s, "paused, next fire not run", x -> x.recent().size() == 2);

    assertThat(v.paused()).isTrue();
    assertThat(v.note()).isEqualTo("paused after health:daily:all failed: 2 of 5 checks failed");
    assertThat(v.recent()).extracting(FireRecord::result).containsExactly("FAILED", "PAUSED");
    assertThat(rig.job.startedAt).hasSize(1);
    assertThat(rig.notifier.withTitleContaining("schedule daily-health-check paused")).hasSize(1);

    rig.job.fail = false;
    s.unpause(new ScheduleCommand("alice", "checked the database"));
    rig.sleep(Duration.ofDays(1));
    v = rig.await(s, "fires again", x -> x.fired() == 2 && x.running() == null);
    assertThat(v.paused()).isFalse();
    assertThat(v.note()).isEqualTo("unpaused by alice: checked the database");
    assertThat(v.recent()).extracting(FireRecord::result).containsExactly("FAILED", "PAUSED", "SUCCEEDED");
  }

  @Test
  void firesFoundBeyondTheCatchUpWindowAreMissedAndTheRecentOneRuns() {
    // as after an outage: the scheduler last dealt with the spec an hour ago; every 10 minutes,
    // a 15-minute catch-up window
    ScheduledJob job = new ScheduledJob("daily-health-check", "health-check", "all", "*/10 * * * *", Overlap.SKIP,
        900, false);
    long now = rig.now().toEpochMilli();
    SchedulerWorkflow s = rig.start(new SchedulerState(job, now - 3_600_000L, false, null, 0, 0, 0, List.of(), 0));

    ScheduleView v = rig.await(s, "caught up", x -> x.fired() >= 1);

    List<FireRecord> missed = v.recent().stream().filter(r -> r.result().equals("MISSED")).toList();
    assertThat(missed).hasSizeBetween(4, 5).allSatisfy(r -> assertThat(now - r.scheduledAtMillis()).isGreaterThan(900_000));
    assertThat(v.missed()).isEqualTo(missed.size());
    assertThat(v.recent().get(missed.size()).result()).isIn("STARTED", "SUCCEEDED");
    assertThat(now - v.recent().get(missed.size()).scheduledAtMillis()).isLessThanOrEqualTo(900_000);
    assertThat(rig.notifier.withTitleContaining("was missed")).hasSize(missed.size());
  }

  @Test
  void aTriggerRunsNowAndContinueAsNewKeepsTheSchedule() {
    SchedulerWorkflow s = rig.start(new SchedulerState(SchedulerRig.daily(Overlap.SKIP, false), null, false, null, 0,
        0, 0, List.of(), 2));

    s.trigger(new ScheduleCommand("alice", null));
    rig.sleep(Duration.ofMinutes(2)); // the run takes a minute of server time
    rig.await(s, "triggered run done", x -> x.fired() == 1 && x.running() == null);
    s.trigger(new ScheduleCommand("bob", null));
    rig.sleep(Duration.ofMinutes(2));
    ScheduleView v = rig.await(s, "second run done, continued as new", x -> x.fired() == 2 && x.running() == null
        && x.recent().size() == 2);
    rig.sleep(Duration.ofSeconds(1));

    v = rig.await(s, "state carried over", x -> x.fired() == 2);
    String firstRun = io.temporal.client.WorkflowStub.fromTyped(s).getExecution().getRunId();
    assertThat(rig.client.fetchHistory("scheduler:daily-health-check", firstRun).getLastEvent()
        .hasWorkflowExecutionContinuedAsNewEventAttributes()).as("two fires per run: continued as new").isTrue();
    assertThat(v.recent()).extracting(FireRecord::how).containsExactly("trigger by alice", "trigger by bob");
    assertThat(rig.job.startedAt).hasSize(2);
  }
}
