package dev.runbook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real embedded stack, as separate processes: Temporal test server and Postgres in this JVM,
 * the sandbox and the worker as child processes. Bad releases must be caught by the runbooks as
 * they run against the sandbox's real traffic, and crashes of the worker (kill -9) must not change
 * outcomes or repeat side effects. The stack also runs a real Prometheus (Debian's, unpacked into
 * target/): a second environment, {@code prom}, judges deploys through it ({@link PrometheusScenarios}).
 *
 * <p>On the shared stack ({@link SharedStack}): environment {@code crash} (e2e-environments.yml:
 * local's rules, a 20 s first window, platform calls timing out after 8 s so the retry after a
 * crash comes soon) on services of its own, crash-api and breach-api (copies of learning-api);
 * every changing sandbox call takes 700 ms, like a real platform API, so a crash can land while
 * one is in flight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedStackTest {
  private static final String ENV = "crash";
  private static final String SERVICE = "crash-api";
  /** Test 4's service: its bad release waits in its window beside test 3's run, so one kill -9 serves both. */
  private static final String BREACH = "breach-api";
  private StackDriver driver;
  private WorkflowStub breachRun;

  @BeforeAll
  void stack() {
    driver = SharedStack.driver();
  }

  @Test
  @Order(1)
  void erroringReleaseIsRolledBackAutomaticallyAtTheFirstCanaryStep() throws Exception {
    WorkflowStub run = driver.startCodeDeploy(SERVICE, ENV, "v1.6.0");
    RunbookResult result = run.getResult(120, TimeUnit.SECONDS, RunbookResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains("error-rate");
    RunbookStatus status = driver.status(run);
    assertThat(status.steps()).anySatisfy(step -> {
      assertThat(step.name()).startsWith("Canary 10%");
      assertThat(step.state()).isEqualTo(StepState.FAILED);
    });
    JsonNode service = driver.service(SERVICE);
    assertThat(service.get("liveColour").asText()).isEqualTo("blue");
    assertThat(slot(service, "blue").get("weight").asInt()).isEqualTo(100);
    assertThat(slot(service, "blue").get("version").asText()).isEqualTo("v1.5.0");
    assertThat(slot(service, "green").get("weight").asInt()).isZero();
    assertThat(slot(service, "green").get("role").asText()).isEqualTo("RETIRED");
  }

  @Test
  @Order(2)
  void releaseThatFailsItsHealthCheckNeverGetsTraffic() throws Exception {
    int logBefore = driver.adminLog(SERVICE).size();
    WorkflowStub run = driver.startCodeDeploy(SERVICE, ENV, "v1.6.2");
    RunbookResult result = run.getResult(120, TimeUnit.SECONDS, RunbookResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains("smoke test");
    List<JsonNode> actions = driver.adminLog(SERVICE).subList(logBefore, driver.adminLog(SERVICE).size());
    assertThat(actions).extracting(a -> a.get("action").asText()).containsExactly("deploy", "retire");
    assertThat(actions).noneMatch(a -> a.get("action").asText().equals("traffic"));
    assertThat(slot(driver.service(SERVICE), "blue").get("weight").asInt()).isEqualTo(100);
  }

  /**
   * One kill -9 during the first watch window of two runs: this healthy release, and test 4's bad
   * one on its own service, whose breach is still building (2 s of 10% traffic is fewer samples
   * than its rules need). A second kill while this run's 50% traffic shift is in flight.
   */
  @Test
  @Order(3)
  void workerKilledDuringAWatchWindowAndDuringATrafficShiftFinishesTheSameDeployOnce() throws Exception {
    WorkflowStub run = driver.startCodeDeploy(SERVICE, ENV, "v1.5.1");
    breachRun = driver.startCodeDeploy(BREACH, ENV, "v1.6.0");
    driver.await(run, s -> s.phase() == Phase.WATCHING, Duration.ofSeconds(60));
    assertThat(driver.await(breachRun, s -> s.phase() == Phase.WATCHING, Duration.ofSeconds(60)).phase())
        .as("test 4's run in its window at the kill").isEqualTo(Phase.WATCHING);
    Thread.sleep(2_000);
    driver.stack.killWorker();
    Thread.sleep(1_000);
    driver.stack.startWorker();
    RunbookStatus atGate = driver.await(run, s -> s.phase() == Phase.AWAITING_APPROVAL, Duration.ofSeconds(90));
    assertThat(atGate.weights()).containsEntry("green", 10);
    // test 4's run has ended before the second kill, so that one lands in this run alone
    breachRun.getResult(120, TimeUnit.SECONDS, RunbookResult.class);

    run.signal("promote", new dev.runbook.workflows.api.PromoteRequest("alice", false, null, "e2e"));
    RunbookStatus shifting = driver.await(run, s -> s.phase() == Phase.SHIFTING_TRAFFIC, Duration.ofSeconds(30));
    assertThat(shifting.phase()).as("caught the 50%% shift in flight").isEqualTo(Phase.SHIFTING_TRAFFIC);
    driver.stack.killWorker();
    driver.stack.startWorker();

    RunbookResult result = driver.finishPromoting(run, Duration.ofSeconds(150));
    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.liveVersion()).isEqualTo("v1.5.1");
    long deploys = driver.adminLog(SERVICE).stream()
        .filter(a -> a.get("action").asText().equals("deploy") && "v1.5.1".equals(a.get("version").asText()))
        .count();
    assertThat(deploys).as("v1.5.1 deployed exactly once despite two worker crashes").isEqualTo(1);
    long shiftsTo50 = driver.adminLog(SERVICE).stream()
        .filter(a -> a.get("action").asText().equals("traffic") && a.get("colour").asText().equals("green")
            && a.get("weight").asInt() == 50)
        .count();
    assertThat(shiftsTo50).as("the shift interrupted by the crash took effect once").isEqualTo(1);
    assertThat(driver.service(SERVICE).get("liveColour").asText()).isEqualTo("green");
  }

  /** The bad release test 3 started beside its own, killed with it while its breach was building. */
  @Test
  @Order(4)
  void workerKilledWhileABreachIsBuildingStillRollsBack() throws Exception {
    assertThat(breachRun).as("started by test 3").isNotNull();
    RunbookResult result = breachRun.getResult(120, TimeUnit.SECONDS, RunbookResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    JsonNode service = driver.service(BREACH);
    assertThat(service.get("liveColour").asText()).isEqualTo("blue");
    assertThat(slot(service, "blue").get("weight").asInt()).isEqualTo(100);
    assertThat(slot(service, "blue").get("version").asText()).isEqualTo("v1.5.0");
    long deploys = driver.adminLog(BREACH).stream()
        .filter(a -> a.get("action").asText().equals("deploy") && "v1.6.0".equals(a.get("version").asText()))
        .count();
    assertThat(deploys).as("v1.6.0 deployed once despite the crash").isEqualTo(1);
  }

  /**
   * The Temporal UI starts runs under random workflow ids, so business-key ids cannot keep two
   * deploys of one service apart: the target lock in the worker's Postgres does. Two deploys of
   * web started in the same instant under free ids: exactly one moves, the other is refused
   * naming it; once the first ends, the service is free again. On local, whose first window is
   * 2 s on this stack.
   */
  @Test
  @Order(5)
  void twoDeploysOfOneServiceUnderFreeIdsNeverBothMove() throws Exception {
    int logBefore = driver.adminLog().size();
    List<WorkflowStub> runs = List.of(
        driver.startCodeDeployUnder("ui-" + java.util.UUID.randomUUID(), "web", "v3.3.0", "alice"),
        driver.startCodeDeployUnder("ui-" + java.util.UUID.randomUUID(), "web", "v3.3.1", "bob"));

    List<RunbookStatus> ends = new java.util.ArrayList<>();
    for (WorkflowStub run : runs) {
      ends.add(driver.await(run, s -> s.phase() == Phase.AWAITING_APPROVAL || s.phase() == Phase.DONE,
          Duration.ofSeconds(90)));
    }
    List<Integer> refused = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      if (ends.get(i).outcome() == Outcome.REFUSED) {
        refused.add(i);
      }
    }
    assertThat(refused).as("exactly one of the two is refused: %s", ends).hasSize(1);
    int loser = refused.get(0);
    int winner = 1 - loser;
    assertThat(ends.get(winner).phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(ends.get(loser).outcomeReason())
        .startsWith("web in local is held by " + runs.get(winner).getExecution().getWorkflowId());
    String loserVersion = loser == 0 ? "v3.3.0" : "v3.3.1";
    List<JsonNode> actions = driver.adminLog().subList(logBefore, driver.adminLog().size());
    assertThat(actions).noneMatch(a -> a.has("version") && loserVersion.equals(a.get("version").asText()));

    runs.get(winner).signal("abort", new dev.runbook.workflows.api.AbortRequest("alice", "e2e over", null));
    assertThat(runs.get(winner).getResult(60, TimeUnit.SECONDS, RunbookResult.class).outcome())
        .isEqualTo(Outcome.ABORTED);
    WorkflowStub after = driver.startCodeDeployUnder("ui-" + java.util.UUID.randomUUID(), "web", "v3.3.0", "carol");
    assertThat(driver.await(after, s -> s.phase() == Phase.AWAITING_APPROVAL, Duration.ofSeconds(60)).phase())
        .as("the lock went with the aborted run").isEqualTo(Phase.AWAITING_APPROVAL);
    after.signal("abort", new dev.runbook.workflows.api.AbortRequest("carol", "e2e over", null));
    after.getResult(60, TimeUnit.SECONDS, RunbookResult.class);
  }

  /**
   * `runbook dev` has no authentication anywhere: every socket any process of the stack listens
   * on (Temporal in this JVM, Postgres, the sandbox with its release slots, the worker), whoever
   * opened it, is on loopback. Read from the kernel's socket tables after the deploys above, so
   * slots and restarted workers are included.
   */
  @Test
  @Order(6)
  void nothingOfTheStackListensBeyondLoopback() throws Exception {
    List<ListeningSockets.Listener> listeners = ListeningSockets.of(driver.stack.pids());
    assertThat(listeners).allSatisfy(l -> assertThat(l.address().getAddress().isLoopbackAddress())
        .as("%s (pid %d) listens on %s", l.process(), l.pid(), l.address()).isTrue());
    // and those are the stack's own sockets: each part's known port is among them
    java.util.Set<Integer> ports = new java.util.HashSet<>();
    listeners.forEach(l -> ports.add(l.address().getPort()));
    assertThat(ports).as("ports the stack listens on: %s", listeners).contains(
        port("http://" + driver.stack.temporalAddress()),
        port(driver.stack.workerUrl()),
        port(driver.stack.sandboxAdminUrl()),
        port(driver.stack.routerUrl()),
        port(driver.stack.jdbcUrl().substring("jdbc:".length())),
        port(driver.stack.prometheusUrl()));
    assertThat(listeners).extracting(ListeningSockets.Listener::process)
        .contains("cli", "postgres", "sandbox", "worker", "prometheus");
  }

  @Test
  @Order(7)
  void throughRealPrometheusAnErroringReleaseIsRolledBackByItsErrorRate() throws Exception {
    new PrometheusScenarios(driver).rolledBackBy("v1.6.0", "error-rate");
  }

  /**
   * v1.6.1 answers in ~3 s and is rolled back for its p95; v1.5.2 goes onto the same colour at
   * once and must pass on its own numbers (queried by colour and version), then every shipped
   * dashboard query and alert measure has series in this Prometheus.
   */
  @Test
  @Order(8)
  void throughRealPrometheusASlowReleaseIsRolledBackAndAHealthyOneRightAfterItIsNot() throws Exception {
    PrometheusScenarios prom = new PrometheusScenarios(driver);
    prom.rolledBackBy("v1.6.1", "p95-latency");
    String slowColour = driver.service(PrometheusScenarios.SERVICE).get("liveColour").asText().equals("blue") ? "green" : "blue";

    RunbookStatus healthy = prom.healthyRightAfterSlow("v1.5.2");

    assertThat(healthy.canaryColour()).as("deployed where the slow release was").isEqualTo(slowColour);
    assertThat(PrometheusScenarios.p95(healthy)).as("v1.5.2's own p95 (ms)").isLessThan(2000.0);
    prom.everyShippedQueryHasSeries(Path.of(System.getProperty("runbook.home", "..")));
  }

  private static int port(String url) {
    return java.net.URI.create(url).getPort();
  }

  private static JsonNode slot(JsonNode service, String colour) {
    for (JsonNode slot : service.get("slots")) {
      if (slot.get("colour").asText().equals(colour)) {
        return slot;
      }
    }
    throw new AssertionError("no slot " + colour + " in " + service);
  }
}
