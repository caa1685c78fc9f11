package dev.runbook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.e2e.StackDriver.RunEnd;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunbookStatus;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One race of {@link TargetLockRaceBench}: two runs of one target started in the same instant
 * under free workflow ids, followed to their end, and judged. Returns the problems found (empty: passed).
 */
final class LockRace {
  enum Proc { CODE, EMERGENCY, ROLLBACK, LESSON }

  static final Map<String, List<String>> HEALTHY = Map.of(
      "web", List.of("v3.2.0", "v3.3.0", "v3.3.1"),
      "bot", List.of("v0.9.0", "v1.0.0"),
      "learning-api", List.of("v1.5.0", "v1.5.1", "v1.5.2"));
  private static final Duration LIMIT = Duration.ofSeconds(120);

  private final StackDriver driver;
  private final ExecutorService pool;
  private final Path lessonFile;

  LockRace(StackDriver driver, ExecutorService pool, Path lessonFile) {
    this.driver = driver;
    this.pool = pool;
    this.lessonFile = lessonFile;
  }

  /** The procedure expected to own the target at the end, or null when either may (same procedure). */
  static Proc expectedWinner(Proc a, Proc b) {
    if (a == b) {
      return null;
    }
    if (a == Proc.ROLLBACK || b == Proc.ROLLBACK) {
      return Proc.ROLLBACK;
    }
    return Proc.EMERGENCY; // emergency vs code deploy
  }

  List<String> run(String service, Proc a, Proc b) throws Exception {
    if (a == Proc.LESSON) {
      return lessonRace();
    }
    String version = service == null ? null : otherThanLive(service);
    long t0 = System.currentTimeMillis();
    String idA = "ui-" + UUID.randomUUID();
    String idB = "ui-" + UUID.randomUUID();
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<WorkflowStub> fa = CompletableFuture.supplyAsync(() -> start(go, a, idA, service, version, "alice"), pool);
    CompletableFuture<WorkflowStub> fb = CompletableFuture.supplyAsync(() -> start(go, b, idB, service, version, "bob"), pool);
    go.countDown();
    WorkflowStub ra = fa.get();
    WorkflowStub rb = fb.get();
    Proc winner = expectedWinner(a, b);
    boolean[] atGate = new boolean[2];
    RunEnd[] ends = new RunEnd[2];
    // runs that end on their own first (a pre-empting winner must finish without our help)
    for (int i = 0; i < 2; i++) {
      Proc p = i == 0 ? a : b;
      if (p == Proc.EMERGENCY || p == Proc.ROLLBACK) {
        ends[i] = finish(i == 0 ? ra : rb);
      }
    }
    for (int i = 0; i < 2; i++) {
      if (ends[i] == null) {
        WorkflowStub run = i == 0 ? ra : rb;
        RunbookStatus s = driver.await(run, st -> st.phase() == Phase.AWAITING_APPROVAL, LIMIT);
        if (s.phase() == Phase.AWAITING_APPROVAL) {
          atGate[i] = true;
          driver.abort(run, "carol");
        }
        ends[i] = driver.end(run, LIMIT);
      }
    }
    long t1 = System.currentTimeMillis();

    List<String> problems = new ArrayList<>();
    String[] ids = {idA, idB};
    Proc[] procs = {a, b};
    if (winner == null) {
      int refused = ends[0].outcome() == Outcome.REFUSED ? 0 : ends[1].outcome() == Outcome.REFUSED ? 1 : -1;
      if (refused < 0 || ends[1 - refused].outcome() == Outcome.REFUSED) {
        problems.add("expected exactly one REFUSED, got " + ends[0] + " / " + ends[1]);
      } else {
        checkRefusal(problems, ends[refused], ids[1 - refused]);
        int other = 1 - refused;
        boolean moved = a == Proc.CODE || a == Proc.LESSON ? atGate[other] || a == Proc.LESSON
            : ends[other].outcome() == Outcome.SUCCEEDED;
        if (!moved) {
          problems.add("the run that took the lock did not move: " + ends[other] + " atGate=" + atGate[other]);
        }
      }
    } else {
      int w = procs[0] == winner ? 0 : 1;
      int l = 1 - w;
      if (ends[w].outcome() != Outcome.SUCCEEDED) {
        problems.add(procs[w] + " should own the target and succeed: " + ends[w]);
      }
      if (ends[l].outcome() == Outcome.REFUSED) {
        checkRefusal(problems, ends[l], ids[w]);
      } else if (ends[l].outcome() == Outcome.ABORTED) {
        RunbookStatus ws = driver.status(w == 0 ? ra : rb);
        if (ws.log().stream().noneMatch(e -> String.valueOf(e).contains("pre-empted " + ids[l]))) {
          problems.add(procs[l] + " ended ABORTED but " + procs[w] + " does not say it pre-empted it");
        }
      } else {
        problems.add(procs[l] + " should be refused or pre-empted: " + ends[l]);
      }
    }
    RunHistory ha = new RunHistory(driver.history(ra));
    RunHistory hb = new RunHistory(driver.history(rb));
    Optional<RunHistory.Interval> la = ha.lockHeld();
    Optional<RunHistory.Interval> lb = hb.lockHeld();
    if (la.isPresent() && lb.isPresent() && la.get().overlaps(lb.get())) {
      problems.add("both held the lock at once: " + la.get() + " / " + lb.get());
    }
    if (service != null) {
      checkAdminLog(problems, service, t0, t1, List.of(ha, hb), List.of(la, lb), ids);
    }
    return problems;
  }

  /**
   * Lesson updates must run under their business key ({@code lesson:<id>:<env>}; a free id is
   * refused InvalidRequest), so two in the same instant meet Temporal's id uniqueness first:
   * exactly one start succeeds and moves, the other is rejected as already started.
   */
  private List<String> lessonRace() throws Exception {
    Path file = nextLessonRelease();
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<WorkflowStub>> starts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      starts.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
          return driver.startLessonUpdate(file);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, pool));
    }
    go.countDown();
    List<WorkflowStub> started = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (CompletableFuture<WorkflowStub> f : starts) {
      try {
        started.add(f.get());
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable root = e.getCause() == null ? e : e.getCause();
        while (root.getCause() != null && !(root instanceof io.temporal.client.WorkflowExecutionAlreadyStarted)) {
          root = root.getCause();
        }
        if (!(root instanceof io.temporal.client.WorkflowExecutionAlreadyStarted)) {
          problems.add("second start failed otherwise: " + root);
        }
      }
    }
    if (started.size() != 1) {
      problems.add(started.size() + " lesson updates started, expected exactly 1");
    }
    for (WorkflowStub run : started) {
      if (driver.await(run, st -> st.phase() == Phase.AWAITING_APPROVAL, LIMIT).phase() == Phase.AWAITING_APPROVAL) {
        driver.abort(run, "carol");
      }
      RunEnd end = driver.end(run, LIMIT);
      if (end.outcome() == Outcome.REFUSED) {
        problems.add("the started lesson update was refused: " + end);
      }
    }
    return problems;
  }

  private int lessonRounds;

  /**
   * The lesson file as a new patch of its version for each race: the race aborts the winner, which
   * withdraws that version, and a withdrawn version is refused for good ("publish the fix as 2.0.1").
   */
  private Path nextLessonRelease() throws IOException {
    String text = Files.readString(lessonFile);
    Matcher m = Pattern.compile("^version: \"(\\d+)\\.(\\d+)\\.(\\d+)\"",
        Pattern.MULTILINE).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no version line in " + lessonFile);
    }
    String version = m.group(1) + "." + m.group(2) + "." + m.group(3);
    String next = m.group(1) + "." + m.group(2) + "." + (Integer.parseInt(m.group(3)) + ++lessonRounds);
    Path copy = Files.createTempDirectory("lesson-race").resolve(lessonFile.getFileName());
    Files.writeString(copy, text.replace("\"" + version + "\"", "\"" + next + "\""));
    return copy;
  }

  /** Every platform change in the race's window was made by a run's own activity while that run held the lock. */
  private void checkAdminLog(List<String> problems, String service, long t0, long t1, List<RunHistory> hs,
      List<Optional<RunHistory.Interval>> locks, String[] ids) throws Exception {
    for (JsonNode act : driver.adminLog()) {
      long at = act.get("atMillis").asLong();
      if (!service.equals(act.path("service").asText()) || at < t0 || at > t1) {
        continue;
      }
      boolean byAHolder = false;
      boolean byARun = false;
      for (int i = 0; i < 2; i++) {
        if (hs.get(i).platformChanges().stream().anyMatch(iv -> iv.contains(at))) {
          byARun = true;
          byAHolder |= locks.get(i).map(iv -> iv.contains(at)).orElse(false);
        }
      }
      if (!byAHolder) {
        problems.add((byARun ? "action by a run not holding the lock: " : "action by no run of this race: ") + act
            + " (" + ids[0] + " lock " + locks.get(0) + ", " + ids[1] + " lock " + locks.get(1) + ")");
      }
    }
  }

  private static void checkRefusal(List<String> problems, RunEnd refused, String holderId) {
    if (!"TargetLocked".equals(refused.failureType())) {
      problems.add("refusal of type " + refused.failureType() + ", expected TargetLocked: " + refused.reason());
    } else if (refused.reason() == null || !refused.reason().contains("held by " + holderId)) {
      problems.add("refusal does not name the holder " + holderId + ": " + refused.reason());
    }
  }

  /** Follows a run that ends on its own, promoting as carol if a watch leaves the decision to a person. */
  RunEnd finish(WorkflowStub run) throws Exception {
    for (int promotions = 0; promotions < 5; promotions++) {
      RunbookStatus s = driver.await(run, st -> st.phase() == Phase.AWAITING_APPROVAL, LIMIT);
      if (s.phase() != Phase.AWAITING_APPROVAL) {
        break;
      }
      run.signal("promote", new PromoteRequest("carol", false, null, "bench"));
      driver.await(run, st -> st.phase() != Phase.AWAITING_APPROVAL, Duration.ofSeconds(30));
    }
    return driver.end(run, LIMIT);
  }

  WorkflowStub start(CountDownLatch go, Proc p, String id, String service, String version, String who) {
    try {
      go.await();
      return switch (p) {
        case CODE -> driver.startCodeDeployUnder(id, service, version, who);
        case EMERGENCY -> driver.startEmergencyDeployUnder(id, service, version, who);
        case ROLLBACK -> driver.startRollbackUnder(id, service, version, who);
        case LESSON -> driver.startLessonUpdateUnder(id, lessonFile, who);
      };
    } catch (Exception e) {
      throw new IllegalStateException("could not start " + p + " " + id, e);
    }
  }

  /** A healthy release of {@code service} that is not live now, so every deploy moves something. */
  String otherThanLive(String service) throws Exception {
    JsonNode s = driver.service(service);
    String live = s.get("liveColour").asText();
    String liveVersion = null;
    for (JsonNode slot : s.get("slots")) {
      if (slot.get("colour").asText().equals(live)) {
        liveVersion = slot.path("version").asText();
      }
    }
    String current = liveVersion;
    return HEALTHY.get(service).stream().filter(v -> !v.equals(current)).findFirst().orElseThrow();
  }
}
