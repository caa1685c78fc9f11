package dev.runbook.e2e;

import dev.runbook.workflows.api.Phase;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test: how soon a short activity interrupted by a worker crash runs again. Each
 * of {@code -Dbench.trials} trials (default 10) starts a code deploy on a sandbox whose changing
 * calls take 3 s ({@code --admin-delay-ms 3000}), kills the worker (kill -9) while a platform call
 * is in flight and restarts it at once. Every third trial aborts the run at its gate first and
 * kills during a compensation (mid-rollback). Figures, from the kill:
 *
 * <ul>
 *   <li>worker ready: the restarted worker answers its health check;
 *   <li>next attempt: the interrupted activity's next attempt starts (pending activity attempt ≥ 2,
 *       its last started time; or its ActivityTaskStarted event once it closed);
 *   <li>moved on: the interrupted activity completed, so the run goes on.
 * </ul>
 *
 * The deploy timeout stays at the local 60 s, the bound a crash cost before heartbeats.
 * Run: {@code mvn -B -ntp verify -pl e2e -am -Dbench=true
 * -Dtest=CrashResumeBench -Dsurefire.failIfNoSpecifiedTests=false -DskipTests=false}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CrashResumeBench {
  private static final Set<String> FORWARD = Set.of("DeployRelease", "ShiftTraffic");
  private static final Set<String> COMPENSATION = Set.of("ShiftTraffic", "RetireSlot", "MarkLive");
  private static final Duration LIMIT = Duration.ofSeconds(180);

  record Trial(String service, String kind, String activity, long ready, long nextAttempt, long movedOn, int attempt) {}

  @Test
  void measure() throws Exception {
    int trials = Integer.getInteger("bench.trials", 10);
    List<Trial> results = new ArrayList<>();
    String[] services = {"web", "bot", "learning-api"};
    try (StackDriver driver = new StackDriver(options -> StackTuning.quick(options)
        .withExtraSandboxArgs(List.of("--admin-delay-ms", "3000")))) {
      LockRace versions = new LockRace(driver, null, null);
      for (int i = 0; i < trials; i++) {
        String service = services[i % services.length];
        boolean midRollback = i % 3 == 2;
        WorkflowStub run = driver.startCodeDeployUnder("crash-" + UUID.randomUUID(), service,
            versions.otherThanLive(service), "alice");
        if (midRollback) {
          driver.await(run, s -> s.phase() == Phase.AWAITING_APPROVAL, LIMIT);
          driver.abort(run, "carol");
        }
        PendingActivityInfo inFlight = awaitInFlight(driver, run, midRollback ? COMPENSATION : FORWARD);
        Thread.sleep(300);
        long kill = System.currentTimeMillis();
        driver.stack.killWorker();
        driver.stack.startWorker();
        long ready = System.currentTimeMillis() - kill;
        Trial t = measure(driver, run, inFlight, kill, ready, service, midRollback ? "compensation" : "forward");
        results.add(t);
        System.out.printf("trial %d: %s%n", i + 1, t);
        if (!midRollback && driver.await(run, s -> s.phase() == Phase.AWAITING_APPROVAL, LIMIT).phase()
            == Phase.AWAITING_APPROVAL) {
          driver.abort(run, "carol");
        }
        driver.end(run, LIMIT);
      }
    }
    String report = report(results);
    System.out.println(report);
    Path out = Path.of("target", "bench", "crash-resume.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private static Trial measure(StackDriver driver, WorkflowStub run, PendingActivityInfo inFlight, long kill,
      long ready, String service, String kind) throws InterruptedException {
    long nextAttempt = -1;
    long deadline = System.currentTimeMillis() + LIMIT.toMillis();
    while (System.currentTimeMillis() < deadline) {
      Optional<PendingActivityInfo> now = pending(driver, run).stream()
          .filter(p -> p.getActivityId().equals(inFlight.getActivityId())).findFirst();
      if (now.isPresent() && now.get().getAttempt() > inFlight.getAttempt()
          && now.get().getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED && nextAttempt < 0) {
        nextAttempt = millis(now.get().getLastStartedTime()) - kill;
      }
      if (now.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    List<HistoryEvent> events = driver.history(run).getEvents();
    long scheduledId = events.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
            && e.getActivityTaskScheduledEventAttributes().getActivityId().equals(inFlight.getActivityId()))
        .findFirst().orElseThrow().getEventId();
    HistoryEvent started = events.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED
        && e.getActivityTaskStartedEventAttributes().getScheduledEventId() == scheduledId).findFirst().orElseThrow();
    long movedOn = events.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED
            && e.getActivityTaskCompletedEventAttributes().getScheduledEventId() == scheduledId)
        .mapToLong(RunHistory::millis).findFirst().orElse(Long.MIN_VALUE) - kill;
    int attempt = started.getActivityTaskStartedEventAttributes().getAttempt();
    if (nextAttempt < 0 && attempt > inFlight.getAttempt()) {
      nextAttempt = RunHistory.millis(started) - kill;
    }
    return new Trial(service, kind, inFlight.getActivityType().getName(), ready, nextAttempt, movedOn, attempt);
  }

  private static PendingActivityInfo awaitInFlight(StackDriver driver, WorkflowStub run, Set<String> types)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + LIMIT.toMillis();
    while (System.currentTimeMillis() < deadline) {
      for (PendingActivityInfo p : pending(driver, run)) {
        if (types.contains(p.getActivityType().getName())
            && p.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED) {
          return p;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + types + " in flight within " + LIMIT);
  }

  private static List<PendingActivityInfo> pending(StackDriver driver, WorkflowStub run) {
    WorkflowExecution execution = run.getExecution();
    return driver.client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder().setNamespace(driver.client.getOptions().getNamespace())
            .setExecution(execution).build()).getPendingActivitiesList();
  }

  private static long millis(com.google.protobuf.Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }

  private static String report(List<Trial> trials) {
    StringBuilder md = new StringBuilder();
    md.append("Crash resume on the embedded stack, ").append(Instant.now()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(trials.size())
        .append(" trials (admin delay 3 s, deploy timeout 60 s)\n\n");
    md.append("| # | service | kill during | activity | worker ready (ms) | next attempt (ms) | moved on (ms) | attempt |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < trials.size(); i++) {
      Trial t = trials.get(i);
      md.append("| ").append(i + 1).append(" | ").append(t.service()).append(" | ").append(t.kind()).append(" | ")
          .append(t.activity()).append(" | ").append(t.ready()).append(" | ").append(t.nextAttempt()).append(" | ")
          .append(t.movedOn()).append(" | ").append(t.attempt()).append(" |\n");
    }
    md.append("\n| figure (ms from the kill) | min | median | max |\n|---|---|---|---|\n");
    row(md, "worker ready", trials.stream().mapToLong(Trial::ready).sorted().toArray());
    row(md, "interrupted activity's next attempt starts", trials.stream().mapToLong(Trial::nextAttempt).sorted().toArray());
    row(md, "interrupted activity completed (run moves on)", trials.stream().mapToLong(Trial::movedOn).sorted().toArray());
    md.append("\n-1 / negative: no second attempt was seen (the first attempt's result still arrived).\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String name, long[] sorted) {
    md.append("| ").append(name).append(" | ").append(sorted[0]).append(" | ").append(sorted[sorted.length / 2])
        .append(" | ").append(sorted[sorted.length - 1]).append(" |\n");
  }
}
