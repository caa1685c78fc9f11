package dev.runbook.e2e;

import dev.runbook.e2e.WatchCapacityReport.Foreground;
import dev.runbook.e2e.WatchCapacityReport.Phase;
import dev.runbook.e2e.WatchCapacityReport.WorkerFigures;
import dev.runbook.sandbox.catalog.QuietServices;
import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.TaskQueues;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test: how one worker copes with N runs in watch, and whether a second worker
 * process takes a share. For each N (from {@code -Dbench.n}, default 10,200,500,1000), on a fresh
 * embedded stack whose sandbox hosts N + K quiet services ({@code --extra-services}):
 *
 * <ol>
 *   <li>N code deploys of svc-0001..svc-N to v1.5.1 on env {@code quiet} (10 min first window,
 *       poll 10 s, heartbeat timeout 30 s: background runs that only hold a window), started at
 *       once; time from workflow start to its watch activity started on a worker (server times);
 *   <li>with all of them watching, foreground runs of learning-api on env {@code local} (the
 *       shipped local policy): abort while watching → sandbox at 100% stable; v1.6.0 → breach →
 *       first compensation scheduled; the worker's live threads and RSS;
 *   <li>a second worker process, then K = max(10, N/10) more background runs, and the same
 *       foreground figures; each worker's {@code runbook_watch_slots_in_use}.
 * </ol>
 *
 * The worker gets N + K + 16 watch slots, so that one process could hold every window: the
 * second worker's share is then what Temporal's dispatch gives it, not an overflow.
 *
 * <p>Run: {@code mvn -B -ntp verify -pl e2e -am -Dbench=true
 * -Dtest=WatchCapacityBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.n=10,200}. Results go
 * to e2e/target/bench/watch-capacity.md and docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class WatchCapacityBench {
  static final String QUIET_ENV = "quiet";
  private static final long WATCH_LIMIT_MILLIS = 15 * 60_000L;

  @Test
  void measure() throws Exception {
    List<Integer> ns = Arrays.stream(System.getProperty("bench.n", "10,200,500,1000").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    int foreground = Integer.getInteger("bench.foreground", 3);
    Path out = Path.of("target", "bench", "watch-capacity.md");
    Files.createDirectories(out.getParent());
    List<Phase> phases = new ArrayList<>();
    for (int n : ns) {
      try {
        phases.addAll(measure(n, foreground));
      } catch (Exception | AssertionError e) {
        System.out.printf("N=%d failed: %s%n", n, e);
        phases.add(Phase.failed(n, e.toString()));
      }
      Files.writeString(out, WatchCapacityReport.markdown(phases));
    }
    System.out.println(WatchCapacityReport.markdown(phases));
  }

  private List<Phase> measure(int n, int foreground) throws Exception {
    int k = Math.max(10, n / 10);
    Path config = QuietEnvironmentConfig.write(n + k, n + k + 16, Path.of("target", "bench"));
    List<String> workerArgs = List.of("--spring.config.additional-location=file:" + config.toAbsolutePath(),
        "--management.info.process.enabled=true");
    List<Phase> phases = new ArrayList<>();
    try (StackDriver driver = new StackDriver(o -> o
        .withExtraSandboxArgs(List.of("--extra-services", String.valueOf(n + k)))
        .withExtraWorkerArgs(workerArgs))) {
      WatchProbe probe = new WatchProbe(driver.client);
      WorkerGauges first = new WorkerGauges(driver.stack.workerUrl());
      ForegroundRuns fg = new ForegroundRuns(driver, probe);

      long t0 = System.currentTimeMillis();
      List<String> closed = new ArrayList<>();
      List<Long> toWatch = probe.awaitWatching(startQuiet(driver, 1, n), WATCH_LIMIT_MILLIS, closed);
      long allWatching = System.currentTimeMillis() - t0;
      System.out.printf("N=%d: all watching after %d ms%n", n, allWatching);
      Foreground one = fg.measure(foreground);
      phases.add(new Phase(n, 1, toWatch, allWatching, one,
          List.of(WorkerFigures.of(first)), null, List.copyOf(closed)));

      Path log = driver.stack.logDir().resolve("worker-2.log");
      try (SecondWorker second = new SecondWorker(driver.stack, workerArgs, log)) {
        WorkerGauges other = new WorkerGauges(second.url);
        long t1 = System.currentTimeMillis();
        List<String> moreClosed = new ArrayList<>();
        List<Long> moreToWatch = probe.awaitWatching(startQuiet(driver, n + 1, k), WATCH_LIMIT_MILLIS, moreClosed);
        long moreWatching = System.currentTimeMillis() - t1;
        Foreground two = fg.measure(foreground);
        phases.add(new Phase(n + k, 2, moreToWatch, moreWatching, two,
            List.of(WorkerFigures.of(first), WorkerFigures.of(other)), k, List.copyOf(moreClosed)));
      }
    }
    return phases;
  }

  /** Starts {@code count} deploys of svc-from.. at once (a few client threads); returns their workflow ids. */
  private static List<String> startQuiet(StackDriver driver, int from, int count) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> started = IntStream.range(from, from + count).mapToObj(QuietServices::name)
          .map(service -> starters.submit(() -> {
            String id = Procedure.CODE_DEPLOY.workflowId(service, QUIET_ENV);
            driver.client.newUntypedWorkflowStub(Procedure.CODE_DEPLOY.workflowType(),
                    WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.RUNBOOK).setWorkflowId(id).build())
                .start(new CodeDeployRequest(service, QUIET_ENV, "v1.5.1", "ci", "bench-" + service));
            return id;
          })).toList();
      List<String> ids = new ArrayList<>();
      for (Future<String> f : started) {
        ids.add(f.get());
      }
      return ids;
    } finally {
      starters.shutdown();
    }
  }
}
