package dev.runbook.activities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.metrics.SandboxMetricSource;
import dev.runbook.activities.watch.Sleeper;
import dev.runbook.activities.support.Json;
import dev.runbook.sandbox.Sandbox;
import dev.runbook.sandbox.SandboxOptions;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import dev.runbook.workflows.contract.SmokeResult;
import dev.runbook.workflows.contract.WatchRule;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox provider and metric source against the real sandbox (started in-process through its
 * library entry point): a whole blue-green cycle, its idempotence as seen in the sandbox's own
 * action log, and the error mapping of real 400/409 answers.
 */
class SandboxIntegrationTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final WatchRule ERROR_RATE = new WatchRule("error-rate", MetricKind.ERROR_RATE_PERCENT,
      Comparison.GREATER_THAN, 5, false, 120, 30, RuleAction.ROLLBACK, 0, null, null);
  private static Sandbox sandbox;
  private static SandboxPlatformProvider platform;
  private static SandboxMetricSource metrics;

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.ephemeral().withSeed(7L));
    // a short real deadline: a broken release must still fail with retries on
    platform = new SandboxPlatformProvider(URI.create(sandbox.adminUrl()), HTTP, new SmokeRetry(Duration.ofSeconds(2),
        Duration.ofMillis(200), Duration.ofMillis(500), Clock.systemUTC(), Sleeper.threadSleep()));
    metrics = new SandboxMetricSource(URI.create(sandbox.adminUrl()), HTTP, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static List<String> actionLog(String service) throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create(sandbox.adminUrl() + "/api/log")).build(), HttpResponse.BodyHandlers.ofString());
    List<String> actions = new ArrayList<>();
    for (JsonNode a : Json.MAPPER.readTree(response.body())) {
      if (service.equals(a.path("service").asText())) {
        actions.add(a.path("action").asText() + " " + a.path("colour").asText() + " " + a.path("weight").asInt());
      }
    }
    return actions;
  }

  @Test
  void aWholeBlueGreenCycleIsIdempotent() throws Exception {
    String s = "learning-api";
    assertThat(platform.describe(s, "local")).isEqualTo(new ServiceState(s, "local", "blue", List.of(
        new SlotState("blue", "v1.5.0", SlotRole.LIVE, 100), new SlotState("green", null, SlotRole.EMPTY, 0))));

    for (int attempt = 0; attempt < 2; attempt++) {
      platform.deploy(s, "local", "green", "v1.5.1");
    }
    SmokeResult smoke = platform.smokeTest(s, "local", "green");
    assertThat(smoke.passed()).as(smoke.detail()).isTrue();
    assertThat(smoke.checks()).isEqualTo(3);
    for (int attempt = 0; attempt < 2; attempt++) {
      platform.shiftTraffic(s, "local", "green", 10);
    }
    assertThat(platform.describe(s, "local").slot("green").orElseThrow().weight()).isEqualTo(10);
    platform.shiftTraffic(s, "local", "green", 100);
    for (int attempt = 0; attempt < 2; attempt++) {
      platform.markLive(s, "local", "green");
      platform.retire(s, "local", "blue");
    }

    assertThat(platform.describe(s, "local")).isEqualTo(new ServiceState(s, "local", "green", List.of(
        new SlotState("blue", "v1.5.0", SlotRole.RETIRED, 0), new SlotState("green", "v1.5.1", SlotRole.LIVE, 100))));
    assertThat(actionLog(s)).containsExactly(
        "deploy green 0", "traffic green 10", "traffic green 100", "live green 100", "retire blue 0");

    platform.deploy(s, "local", "blue", "v1.6.2"); // a release that fails its health check
    SmokeResult unhealthy = platform.smokeTest(s, "local", "blue");
    assertThat(unhealthy.passed()).isFalse();
    assertThat(unhealthy.detail()).contains("/health answered").contains("still failing after");
  }

  @Test
  void aReleaseCheckReadsTheSandboxCatalogAndMovesNothing() throws Exception {
    List<String> before = actionLog("web");
    assertThat(platform.checkRelease("web", "local", "v3.2.0").availability())
        .isEqualTo(ReleaseCheck.Availability.AVAILABLE);
    ReleaseCheck missing = platform.checkRelease("web", "local", "v2.1.0");
    assertThat(missing.missing()).isTrue();
    assertThat(missing.detail()).startsWith("the sandbox has no v2.1.0 of web; it has ").contains("v3.2.0");
    assertThat(actionLog("web")).isEqualTo(before);
    assertThatThrownBy(() -> platform.checkRelease("no-such-service", "local", "v1.0.0"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(PlatformFailures.UNKNOWN_SERVICE);
        });
  }

  @Test
  void orphanedTrafficGoesBackToTheLiveColourAndTheCanaryIsRetired() throws Exception {
    platform.deploy("web", "local", "green", "v3.3.0");
    platform.shiftTraffic("web", "local", "green", 10);
    OrphanedTraffic orphaned = new OrphanedTraffic(new PlatformActivitiesImpl(Map.of("sandbox", platform)),
        (service, environment) -> "sandbox");

    assertThat(orphaned.restore("web", "local")).isEqualTo("100% back on blue (v3.2.0); retired canary green (v3.3.0)");
    assertThat(platform.describe("web", "local")).isEqualTo(new ServiceState("web", "local", "blue", List.of(
        new SlotState("blue", "v3.2.0", SlotRole.LIVE, 100), new SlotState("green", "v3.3.0", SlotRole.RETIRED, 0))));
    assertThat(orphaned.restore("web", "local")).isEqualTo("traffic already all on live blue");
    assertThat(new OrphanedTraffic(new PlatformActivitiesImpl(Map.of("sandbox", platform)), (s, e) -> null)
        .restore("intro-to-options", "local")).isNull();
  }

  @Test
  void sandboxRefusalsAreNonRetryableWithItsMessage() {
    assertThatThrownBy(() -> platform.deploy("web", "local", "green", "v9.9.9"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(PlatformFailures.REJECTED);
          assertThat(f.getOriginalMessage()).startsWith("sandbox refused to deploy v9.9.9 to green (HTTP 400)")
              .contains("v9.9.9");
        });
    assertThatThrownBy(() -> platform.retire("web", "local", "blue"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(PlatformFailures.CONFLICT);
        });
    assertThatThrownBy(() -> platform.describe("no-such-service", "local"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(PlatformFailures.UNKNOWN_SERVICE);
          assertThat(f.getOriginalMessage()).contains("unknown service 'no-such-service'");
        });
  }

  @Test
  void smokeTestsOfSlotsWithoutAReleaseFailWithoutThrowing() {
    SmokeResult empty = platform.smokeTest("bot", "local", "green");
    assertThat(empty.passed()).isFalse();
    assertThat(empty.detail()).contains("runs nothing");
    assertThat(platform.smokeTest("bot", "local", "red").passed()).isFalse();
  }

  @Test
  void statsOfTheLiveColourAreReadable() throws Exception {
    MetricReading reading = metrics.read(ERROR_RATE, "web", "local", "blue", "v3.2.0");
    for (int i = 0; i < 100 && reading.value() == null; i++) {
      Thread.sleep(100); // the load generator needs a moment to send the first requests
      reading = metrics.read(ERROR_RATE, "web", "local", "blue", "v3.2.0");
    }
    assertThat(reading.problem()).isNull();
    assertThat(reading.value()).isBetween(0.0, 100.0);
    assertThat(reading.samples()).isPositive();
    assertThat(reading.atMillis()).isPositive();

    MetricReading empty = metrics.read(ERROR_RATE, "web", "local", "green", null);
    assertThat(empty.value()).isNull();
    assertThat(empty.problem()).isNotNull();
  }
}
