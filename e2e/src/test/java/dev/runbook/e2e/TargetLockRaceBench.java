package dev.runbook.e2e;

import dev.runbook.e2e.LockRace.Proc;
import dev.runbook.e2e.StackDriver.RunEnd;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookStatus;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test: the target lock raced on the real embedded stack (separate processes),
 * {@code -Dbench.rounds} rounds (default 20). Each race starts two runs of one target in the same
 * instant (two threads released by a latch) under free workflow ids, as the Temporal UI would.
 *
 * <table>
 *   <tr><th>race</th><th>target</th><th>expected</th></tr>
 *   <tr><td>code vs code</td><td>web</td><td>exactly one moves (reaches its gate), the other REFUSED
 *       (TargetLocked, naming it)</td></tr>
 *   <tr><td>code vs emergency</td><td>bot</td><td>the emergency deploy SUCCEEDS; the code deploy is
 *       REFUSED naming it, or ABORTED by it (pre-empted, compensated first)</td></tr>
 *   <tr><td>code vs rollback</td><td>learning-api</td><td>the rollback SUCCEEDS; the code deploy is
 *       REFUSED or pre-empted</td></tr>
 *   <tr><td>emergency vs emergency</td><td>web</td><td>one SUCCEEDS, the other REFUSED (an emergency
 *       deploy pre-empts only code deploys)</td></tr>
 *   <tr><td>emergency vs rollback</td><td>bot</td><td>the rollback SUCCEEDS; the emergency deploy is
 *       REFUSED or pre-empted</td></tr>
 *   <tr><td>rollback vs rollback</td><td>learning-api</td><td>one SUCCEEDS, the other REFUSED</td></tr>
 *   <tr><td>lesson vs lesson</td><td>stock_basics_001</td><td>lesson updates must use their business
 *       key (a free id is refused InvalidRequest): exactly one start succeeds and moves, the other is
 *       rejected by Temporal as already started</td></tr>
 *   <tr><td>holder terminated</td><td>web</td><td>a code deploy terminated at its gate; the next run
 *       under another id is granted by its first acquire and reaches its gate</td></tr>
 *   <tr><td>holder crash</td><td>bot</td><td>kill -9 of the worker while a code deploy holds at its
 *       gate, restart: the holder resumes at its gate; a competitor is REFUSED naming it; once the
 *       holder is aborted, the next competitor moves</td></tr>
 * </table>
 *
 * For service races every admin-log action in the race's window must fall inside a platform
 * activity of a run that held the lock at that moment, and the two runs' lock intervals (granted
 * acquire → completed release, from their histories) must not overlap. Runs left at a gate are
 * aborted by the bench. Output: a pass/fail table, also in {@code target/bench/target-lock-race.md}.
 *
 * <p>Run: {@code mvn -B -ntp verify -pl e2e -am -Dbench=true
 * -Dtest=TargetLockRaceBench -Dsurefire.failIfNoSpecifiedTests=false -DskipTests=false}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TargetLockRaceBench {
  private static final Path CONTENT = Path.of(System.getProperty("runbook.home", "..")).resolve("lessons/content");
  private static final Duration LIMIT = Duration.ofSeconds(120);
  private final Map<String, int[]> tally = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();

  @Test
  void race() throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 20);
    int crashRounds = Integer.getInteger("bench.crashRounds", rounds);
    ExecutorService pool = Executors.newCachedThreadPool();
    long started = System.nanoTime();
    try (StackDriver driver = new StackDriver(StackTuning::quick)) {
      WorkflowStub first = driver.startLessonUpdate(CONTENT.resolve("archive/1/01_understanding_stock_prices.yaml"));
      RunEnd published = driver.end(first, LIMIT);
      if (published.outcome() != Outcome.SUCCEEDED) {
        throw new AssertionError("could not publish the lesson's first release: " + published);
      }
      LockRace race = new LockRace(driver, pool, CONTENT.resolve("01_understanding_stock_prices.yaml"));
      for (int r = 1; r <= rounds; r++) {
        parallel(pool, r,
            scenario("code vs code", () -> race.run("web", Proc.CODE, Proc.CODE)),
            scenario("code vs emergency", () -> race.run("bot", Proc.CODE, Proc.EMERGENCY)),
            scenario("code vs rollback", () -> race.run("learning-api", Proc.CODE, Proc.ROLLBACK)),
            scenario("lesson vs lesson", () -> race.run(null, Proc.LESSON, Proc.LESSON)));
        parallel(pool, r,
            scenario("emergency vs emergency", () -> race.run("web", Proc.EMERGENCY, Proc.EMERGENCY)),
            scenario("emergency vs rollback", () -> race.run("bot", Proc.EMERGENCY, Proc.ROLLBACK)),
            scenario("rollback vs rollback", () -> race.run("learning-api", Proc.ROLLBACK, Proc.ROLLBACK)));
        parallel(pool, r, scenario("holder terminated", () -> holderTerminated(driver, race)));
        if (r <= crashRounds) {
          parallel(pool, r, scenario("holder crash", () -> holderCrash(driver, race)));
        }
        System.out.printf("round %d done after %d s: %s%n", r, (System.nanoTime() - started) / 1_000_000_000L, summary());
      }
    } finally {
      pool.shutdownNow();
    }
    String report = report(rounds, crashRounds, (System.nanoTime() - started) / 1_000_000_000L);
    System.out.println(report);
    Path out = Path.of("target", "bench", "target-lock-race.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  /** A code deploy terminated at its gate; the next run under another id is granted by its first acquire. */
  private List<String> holderTerminated(StackDriver driver, LockRace race) throws Exception {
    String version = race.otherThanLive("web");
    WorkflowStub holder = driver.startCodeDeployUnder("ui-" + UUID.randomUUID(), "web", version, "alice");
    if (driver.await(holder, s -> s.phase() == Phase.AWAITING_APPROVAL, LIMIT).phase() != Phase.AWAITING_APPROVAL) {
      return List.of("holder did not reach its gate: " + driver.end(holder, LIMIT));
    }
    holder.terminate("bench: holder terminated at its gate");
    WorkflowStub next = driver.startCodeDeployUnder("ui-" + UUID.randomUUID(), "web", version, "bob");
    RunbookStatus s = driver.await(next, st -> st.phase() == Phase.AWAITING_APPROVAL, LIMIT);
    List<String> problems = new ArrayList<>();
    if (s.phase() != Phase.AWAITING_APPROVAL) {
      problems.add("the run after a terminated holder did not reach its gate: " + driver.end(next, LIMIT));
    } else {
      driver.abort(next, "carol");
      driver.end(next, LIMIT);
    }
    long acquires = new RunHistory(driver.history(next)).acquires();
    if (acquires != 1) {
      problems.add("granted after " + acquires + " acquires, expected 1");
    }
    return problems;
  }

  /** kill -9 while a code deploy holds bot at its gate: it resumes holding, competitors are refused until it ends. */
  private List<String> holderCrash(StackDriver driver, LockRace race) throws Exception {
    String version = race.otherThanLive("bot");
    String holderId = "ui-" + UUID.randomUUID();
    WorkflowStub holder = driver.startCodeDeployUnder(holderId, "bot", version, "alice");
    if (driver.await(holder, s -> s.phase() == Phase.AWAITING_APPROVAL, LIMIT).phase() != Phase.AWAITING_APPROVAL) {
      return List.of("holder did not reach its gate: " + driver.end(holder, LIMIT));
    }
    driver.stack.killWorker();
    driver.stack.startWorker();
    List<String> problems = new ArrayList<>();
    if (driver.await(holder, s -> s.phase() == Phase.AWAITING_APPROVAL, LIMIT).phase() != Phase.AWAITING_APPROVAL) {
      problems.add("holder did not resume at its gate: " + driver.end(holder, LIMIT));
    }
    RunEnd competitor = driver.end(driver.startCodeDeployUnder("ui-" + UUID.randomUUID(), "bot", version, "bob"), LIMIT);
    if (competitor.outcome() != Outcome.REFUSED || competitor.reason() == null
        || !competitor.reason().contains("held by " + holderId)) {
      problems.add("competitor during the holder's life: " + competitor);
    }
    driver.abort(holder, "carol");
    RunEnd holderEnd = driver.end(holder, LIMIT);
    if (holderEnd.outcome() != Outcome.ABORTED) {
      problems.add("holder ended " + holderEnd);
    }
    WorkflowStub after = driver.startCodeDeployUnder("ui-" + UUID.randomUUID(), "bot", version, "bob");
    if (driver.await(after, s -> s.phase() == Phase.AWAITING_APPROVAL, LIMIT).phase() != Phase.AWAITING_APPROVAL) {
      problems.add("competitor after the holder ended did not move: " + driver.end(after, LIMIT));
    } else {
      driver.abort(after, "carol");
      driver.end(after, LIMIT);
    }
    return problems;
  }

  private record Scenario(String name, Callable<List<String>> body) {}

  private static Scenario scenario(String name, Callable<List<String>> body) {
    return new Scenario(name, body);
  }

  /** {@code -Dbench.only=lesson} runs only the scenarios whose name contains it. */
  private static final String ONLY = System.getProperty("bench.only", "");

  private void parallel(ExecutorService pool, int round, Scenario... all) throws InterruptedException {
    Scenario[] scenarios = java.util.Arrays.stream(all).filter(s -> s.name().contains(ONLY)).toArray(Scenario[]::new);
    List<Future<List<String>>> futures = new ArrayList<>();
    for (Scenario s : scenarios) {
      futures.add(pool.submit(s.body()));
    }
    for (int i = 0; i < scenarios.length; i++) {
      List<String> problems;
      try {
        problems = futures.get(i).get();
      } catch (java.util.concurrent.ExecutionException e) {
        problems = List.of("bench error: " + e.getCause());
      }
      int[] t = tally.computeIfAbsent(scenarios[i].name(), k -> new int[2]);
      t[problems.isEmpty() ? 0 : 1]++;
      for (String p : problems) {
        String line = "round " + round + ", " + scenarios[i].name() + ": " + p;
        failures.add(line);
        System.out.println("FAIL " + line);
      }
    }
  }

  private String summary() {
    StringBuilder sb = new StringBuilder();
    tally.forEach((k, v) -> sb.append(k).append(' ').append(v[0]).append('/').append(v[0] + v[1]).append("; "));
    return sb.toString();
  }

  private String report(int rounds, int crashRounds, long seconds) {
    StringBuilder md = new StringBuilder();
    md.append("Target lock races on the embedded stack, ").append(Instant.now()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(rounds).append(" rounds (")
        .append(crashRounds).append(" with a crash), ").append(seconds).append(" s\n\n");
    md.append("| scenario | passed | failed |\n|---|---|---|\n");
    tally.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v[0]).append(" | ").append(v[1]).append(" |\n"));
    if (!failures.isEmpty()) {
      md.append("\nFailures:\n\n");
      failures.forEach(f -> md.append("- ").append(f).append('\n'));
    }
    return md.toString();
  }
}
