package dev.runbook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.WatchVerdict;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.WorkflowExecutionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test: measures how fast a bad release is taken out of traffic on the real
 * embedded stack. For each run of v1.6.0 (about 20% errors) it reads the run's history and the
 * sandbox's admin log and prints:
 *
 * <ul>
 *   <li>bad traffic → breach: the canary first gets traffic → the watch first sees the breach;
 *   <li>breach → rollback start: first breaching read → first compensation activity scheduled
 *       (includes the rule's {@code for} duration, 4 s locally);
 *   <li>breach → 100% stable: first breaching read → the sandbox has all traffic back on stable;
 *   <li>history events per run.
 * </ul>
 *
 * Run: {@code mvn -B -ntp verify -pl e2e -am -Dbench=true -Dtest=RollbackLatencyBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.runs=5}. Results go to docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RollbackLatencyBench {

  record Sample(long badTrafficToBreach, long breachToRollbackStart, long breachToStable, int events) {}

  @Test
  void measure() throws Exception {
    int runs = Integer.getInteger("bench.runs", 5);
    List<Sample> samples = new ArrayList<>();
    try (StackDriver driver = new StackDriver()) {
      for (int i = 0; i < runs; i++) {
        int logStart = driver.adminLog().size();
        WorkflowStub run = driver.startCodeDeploy("learning-api", "v1.6.0");
        RunbookResult result = run.getResult(180, TimeUnit.SECONDS, RunbookResult.class);
        if (result.outcome() != Outcome.ROLLED_BACK) {
          throw new AssertionError("run " + i + " ended " + result.outcome() + ": " + result.reason());
        }
        WorkflowExecutionHistory history = driver.client.fetchHistory(result.workflowId(),
            run.getExecution().getRunId());
        List<JsonNode> log = driver.adminLog();
        samples.add(sample(history, log.subList(logStart, log.size())));
        System.out.printf("run %d: %s%n", i + 1, samples.get(i));
      }
    }
    String report = report(samples);
    System.out.println(report);
    Path out = Path.of("target", "bench", "rollback-latency.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private static Sample sample(WorkflowExecutionHistory history, List<JsonNode> adminLog) {
    List<HistoryEvent> events = history.getEvents();
    long watchScheduledId = events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
            && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("WatchRollout"))
        .findFirst().orElseThrow().getEventId();
    HistoryEvent watchDone = events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED
            && e.getActivityTaskCompletedEventAttributes().getScheduledEventId() == watchScheduledId)
        .findFirst().orElseThrow();
    WatchVerdict verdict = DefaultDataConverter.newDefaultInstance().fromPayloads(0,
        Optional.of(watchDone.getActivityTaskCompletedEventAttributes().getResult()), WatchVerdict.class, WatchVerdict.class);
    long rollbackStart = events.stream()
        .filter(e -> e.getEventId() > watchDone.getEventId()
            && e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .findFirst().map(e -> millis(e)).orElseThrow();
    JsonNode firstCanaryTraffic = adminLog.stream()
        .filter(a -> a.get("action").asText().equals("traffic") && a.get("colour").asText().equals("green"))
        .findFirst().orElseThrow();
    JsonNode backToStable = adminLog.stream()
        .filter(a -> a.get("action").asText().equals("traffic") && a.get("colour").asText().equals("blue")
            && a.get("weight").asInt() == 100)
        .findFirst().orElseThrow();
    long breach = verdict.breachStartedAtMillis();
    return new Sample(breach - firstCanaryTraffic.get("atMillis").asLong(), rollbackStart - breach,
        backToStable.get("atMillis").asLong() - breach, events.size());
  }

  private static long millis(HistoryEvent e) {
    return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
  }

  private static String report(List<Sample> samples) {
    StringBuilder md = new StringBuilder();
    md.append("Rollback latency on the embedded stack, ").append(Instant.now()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append("\n\n");
    md.append("| figure | min | median | max |\n|---|---|---|---|\n");
    row(md, "bad traffic → breach seen (ms)", samples.stream().mapToLong(Sample::badTrafficToBreach).sorted().toArray());
    row(md, "breach → rollback start (ms)", samples.stream().mapToLong(Sample::breachToRollbackStart).sorted().toArray());
    row(md, "breach → 100% stable (ms)", samples.stream().mapToLong(Sample::breachToStable).sorted().toArray());
    row(md, "history events per run", samples.stream().mapToLong(Sample::events).sorted().toArray());
    md.append("\n").append(samples.size()).append(" runs of learning-api v1.6.0 on env local (rule error-rate > 5% for 4s, poll 1s).\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String name, long[] sorted) {
    LongSummaryStatistics stats = java.util.Arrays.stream(sorted).summaryStatistics();
    md.append("| ").append(name).append(" | ").append(stats.getMin()).append(" | ")
        .append(sorted[sorted.length / 2]).append(" | ").append(stats.getMax()).append(" |\n");
  }
}
