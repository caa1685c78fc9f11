package dev.runbook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.e2e.WatchCapacityReport.Foreground;
import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.WatchVerdict;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The runs a person watches while the background windows are open, on learning-api (full load)
 * with the shipped local policy: an abort while watching, and a bad release (v1.6.0) rolled back.
 */
final class ForegroundRuns {
  private static final String SERVICE = "learning-api";
  private final StackDriver driver;
  private final WatchProbe probe;

  ForegroundRuns(StackDriver driver, WatchProbe probe) {
    this.driver = driver;
    this.probe = probe;
  }

  Foreground measure(int runs) throws Exception {
    List<Long> abortToStable = new ArrayList<>();
    List<Long> breachToRollback = new ArrayList<>();
    List<Long> verdictToRollback = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      abort(abortToStable, failures);
      breach(breachToRollback, verdictToRollback, failures);
    }
    System.out.printf("foreground: abort→stable %s, breach→rollback %s, verdict→rollback %s, failures %s%n",
        abortToStable, breachToRollback, verdictToRollback, failures);
    return new Foreground(abortToStable, breachToRollback, verdictToRollback, failures);
  }

  /** Abort once the watch runs: abort sent → the sandbox has 100% on the stable colour. */
  private void abort(List<Long> abortToStable, List<String> failures) throws Exception {
    WorkflowStub run = driver.startCodeDeploy(SERVICE, "v1.5.1");
    String id = run.getExecution().getWorkflowId();
    long deadline = System.currentTimeMillis() + 120_000;
    while (probe.startedWatch(id).isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    Thread.sleep(1000); // a window that has polled at least once
    String stable = driver.status(run).stableColour();
    int logStart = driver.adminLog().size();
    long sent = System.currentTimeMillis();
    try {
      run.update("abortUpdate", Object.class, new AbortRequest("alice", "bench abort", null));
    } catch (RuntimeException refused) {
      failures.add("abort refused: " + refused.getMessage());
    }
    RunbookResult result = run.getResult(120, TimeUnit.SECONDS, RunbookResult.class);
    if (result.outcome() != Outcome.ABORTED) {
      failures.add("abort run ended " + result.outcome() + ": " + result.reason());
      return;
    }
    List<JsonNode> log = driver.adminLog();
    log.subList(logStart, log.size()).stream()
        .filter(a -> a.get("action").asText().equals("traffic") && a.get("service").asText().equals(SERVICE)
            && a.get("colour").asText().equalsIgnoreCase(stable) && a.get("weight").asInt() == 100)
        .findFirst().ifPresentOrElse(a -> abortToStable.add(a.get("atMillis").asLong() - sent),
            () -> failures.add("aborted run left no 100% " + stable + " in the sandbox log"));
  }

  /** v1.6.0: breach first seen → first compensation scheduled, and the watch's verdict → it. */
  private void breach(List<Long> breachToRollback, List<Long> verdictToRollback, List<String> failures) throws Exception {
    WorkflowStub run = driver.startCodeDeploy(SERVICE, "v1.6.0");
    // A window without enough canary requests ends inconclusive and waits for a person: say so, abort it.
    RunbookStatus waiting = settled(run, Duration.ofMinutes(5));
    if (waiting.phase() == Phase.AWAITING_APPROVAL) {
      failures.add("bad release not judged (" + waiting.waitingFor() + ")");
      run.update("abortUpdate", Object.class, new AbortRequest("alice", "bench: inconclusive", null));
      run.getResult(120, TimeUnit.SECONDS, RunbookResult.class);
      return;
    }
    RunbookResult result = run.getResult(120, TimeUnit.SECONDS, RunbookResult.class);
    if (result.outcome() != Outcome.ROLLED_BACK) {
      failures.add("bad release ended " + result.outcome() + ": " + result.reason());
      return;
    }
    List<HistoryEvent> events = driver.client.fetchHistory(result.workflowId(), run.getExecution().getRunId()).getEvents();
    long watchScheduled = events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
            && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(WatchProbe.WATCH_ACTIVITY))
        .findFirst().orElseThrow().getEventId();
    HistoryEvent watchDone = events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED
            && e.getActivityTaskCompletedEventAttributes().getScheduledEventId() == watchScheduled)
        .findFirst().orElseThrow();
    WatchVerdict verdict = DefaultDataConverter.newDefaultInstance().fromPayloads(0,
        Optional.of(watchDone.getActivityTaskCompletedEventAttributes().getResult()), WatchVerdict.class, WatchVerdict.class);
    long rollbackStart = events.stream()
        .filter(e -> e.getEventId() > watchDone.getEventId() && e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .findFirst().map(ForegroundRuns::millis).orElseThrow();
    breachToRollback.add(rollbackStart - verdict.breachStartedAtMillis());
    verdictToRollback.add(rollbackStart - millis(watchDone));
  }

  /** Polls the status once a second (queries are workflow tasks: few, on a busy worker) until done or waiting. */
  private RunbookStatus settled(WorkflowStub run, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    RunbookStatus s = driver.status(run);
    while (s.phase() != Phase.DONE && s.phase() != Phase.AWAITING_APPROVAL && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      s = driver.status(run);
    }
    return s;
  }

  private static long millis(HistoryEvent e) {
    return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
  }
}
