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
 * With {@code -Dbench.prometheus=true} the stack also runs Debian's Prometheus (unpacked into
 * target/, scraping every second) and the runs alternate between env {@code local} (the sandbox's
 * own stats) and env {@code prom} (the same rules through the built-in PromQL on Prometheus), so
 * both sources are measured in the same run on the same machine.
 *
 * Run: {@code mvn -B -ntp verify -pl e2e -am -Dbench=true -Dtest=RollbackLatencyBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.runs=5 [-Dbench.prometheus=true]}. Results go to
 * docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RollbackLatencyBench {

  record Sample(long badTrafficToBreach, long breachToRollbackStart, long breachToStable, int events) {}

  @Test
  void measure() throws Exception {
    int runs = Integer.getInteger("bench.runs", 5);
    boolean withPrometheus = Boolean.getBoolean("bench.prometheus");
    List<String> envs = withPrometheus ? List.of("local", PrometheusScenarios.ENV) : List.of("local");
    java.util.Map<String, List<Sample>> byEnv = new java.util.LinkedHashMap<>();
    envs.forEach(env -> byEnv.put(env, new ArrayList<>()));
    try (StackDriver driver = new StackDriver(options -> withPrometheus ? prometheus(options) : options)) {
      for (int i = 0; i < runs * envs.size(); i++) {
        String env = envs.get(i % envs.size());
        List<Sample> samples = byEnv.get(env);
        int logStart = driver.adminLog().size();
        WorkflowStub run = driver.startCodeDeploy("learning-api", env, "v1.6.0");
        RunbookResult result = run.getResult(180, TimeUnit.SECONDS, RunbookResult.class);
        if (result.outcome() != Outcome.ROLLED_BACK) {
          throw new AssertionError("run " + i + " ended " + result.outcome() + ": " + result.reason());
        }
        WorkflowExecutionHistory history = driver.client.fetchHistory(result.workflowId(),
            run.getExecution().getRunId());
        List<JsonNode> log = driver.adminLog();
        samples.add(sample(history, log.subList(logStart, log.size())));
        System.out.printf("run %d (%s): %s%n", i + 1, env, samples.get(samples.size() - 1));
      }
    }
    StringBuilder report = new StringBuilder();
    byEnv.forEach((env, samples) -> report.append("### env ").append(env).append(env.equals("local")
        ? " (metrics: the sandbox's own stats)" : " (metrics: Prometheus, scrape every "
            + "1s, rule lookback 8s, the built-in PromQL)").append("\n\n").append(report(samples)).append('\n'));
    System.out.println(report);
    Path out = Path.of("target", "bench", "rollback-latency.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private static dev.runbook.starter.stack.LocalStackOptions prometheus(dev.runbook.starter.stack.LocalStackOptions o) {
    try {
      Path binary = dev.runbook.starter.deploy.Promtool.provision(Path.of("target")).prometheus();
      Path env = Path.of(RollbackLatencyBench.class.getResource("/prometheus-environment.yml").toURI());
      return o.withPrometheus(binary).withExtraWorkerArgs(List.of("--spring.config.additional-location=file:" + env));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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
    md.append("\n").append(samples.size()).append(" runs of learning-api v1.6.0 (rule error-rate > 5% for 4s over 8s, poll 1s).\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String name, long[] sorted) {
    LongSummaryStatistics stats = java.util.Arrays.stream(sorted).summaryStatistics();
    md.append("| ").append(name).append(" | ").append(stats.getMin()).append(" | ")
        .append(sorted[sorted.length / 2]).append(" | ").append(stats.getMax()).append(" |\n");
  }
}
