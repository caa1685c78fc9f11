package dev.runbook.activities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.support.FakeHttpServer;
import dev.runbook.activities.testing.VirtualClock;
import dev.runbook.activities.support.FakeHttpServer.Request;
import dev.runbook.activities.support.FakeHttpServer.Response;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import dev.runbook.workflows.contract.SmokeResult;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Error mapping and idempotence against a loopback server answering in the sandbox admin API's
 * shapes (the happy path against the real sandbox is in {@code SandboxIntegrationTest}).
 */
class SandboxPlatformProviderTest {
  private FakeHttpServer admin;
  private FakeHttpServer slot;
  private volatile Response postAnswer = new Response(200, "{}");
  private SandboxPlatformProvider provider;
  private final VirtualClock clock = new VirtualClock(1_763_700_000_000L);
  private final List<Duration> pauses = new ArrayList<>();

  private String state() {
    return "{\"service\":\"learning-api\",\"liveColour\":\"blue\",\"slots\":["
        + "{\"colour\":\"blue\",\"version\":\"v1.5.0\",\"role\":\"LIVE\",\"weight\":90,\"url\":\"http://127.0.0.1:9\"},"
        + "{\"colour\":\"green\",\"version\":\"v1.5.1\",\"role\":\"CANARY\",\"weight\":10,\"url\":\"" + slot.uri() + "\"}]}";
  }

  @BeforeEach
  void start() throws Exception {
    slot = new FakeHttpServer(r -> new Response(200, "[]"));
    admin = new FakeHttpServer(r -> r.method().equals("GET") ? new Response(200, state()) : postAnswer);
    provider = new SandboxPlatformProvider(admin.uri(), HttpClient.newHttpClient(),
        new SmokeRetry(Duration.ofSeconds(12), Duration.ofSeconds(1), Duration.ofSeconds(4), clock, d -> {
          pauses.add(d);
          clock.advance(d);
        }));
  }

  @AfterEach
  void stop() {
    admin.close();
    slot.close();
  }

  private List<String> posts() {
    return admin.requests().stream().filter(r -> r.method().equals("POST")).map(r -> r.path() + " " + r.body()).toList();
  }

  @Test
  void describeMapsTheSandboxState() {
    assertThat(provider.describe("learning-api", "local")).isEqualTo(new ServiceState("learning-api", "local", "blue",
        List.of(new SlotState("blue", "v1.5.0", SlotRole.LIVE, 90), new SlotState("green", "v1.5.1", SlotRole.CANARY, 10))));
    assertThat(admin.requests().get(0).path()).isEqualTo("/api/services/learning-api");
  }

  @Test
  void changesAreSkippedWhenTheStateAlreadyHolds() {
    provider.deploy("learning-api", "local", "green", "v1.5.1");
    provider.shiftTraffic("learning-api", "local", "green", 10);
    provider.markLive("learning-api", "local", "blue");
    assertThat(posts()).isEmpty();
  }

  @Test
  void changesPostTheContractBodies() {
    provider.deploy("learning-api", "local", "green", "v1.5.2");
    provider.shiftTraffic("learning-api", "local", "green", 50);
    provider.markLive("learning-api", "local", "green");
    provider.retire("learning-api", "local", "green");
    assertThat(posts()).containsExactly(
        "/api/services/learning-api/slots/green/deploy {\"version\":\"v1.5.2\"}",
        "/api/services/learning-api/traffic {\"colour\":\"green\",\"weight\":50}",
        "/api/services/learning-api/live {\"colour\":\"green\"}",
        "/api/services/learning-api/slots/green/retire {}");
  }

  @Test
  void badRequestAndConflictAreNonRetryableWithTheSandboxMessage() {
    postAnswer = new Response(400, "{\"error\":\"unknown version v9.9.9 of learning-api; known: v1.5.0, v1.5.1\"}");
    assertThatThrownBy(() -> provider.deploy("learning-api", "local", "green", "v9.9.9"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(PlatformFailures.REJECTED);
          assertThat(f.getOriginalMessage()).isEqualTo("sandbox refused to deploy v9.9.9 to green (HTTP 400): "
              + "unknown version v9.9.9 of learning-api; known: v1.5.0, v1.5.1");
        });

    postAnswer = new Response(409, "{\"error\":\"green carries 10% of traffic\"}");
    assertThatThrownBy(() -> provider.retire("learning-api", "local", "green"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(PlatformFailures.CONFLICT);
          assertThat(f.getOriginalMessage()).endsWith("green carries 10% of traffic");
        });
  }

  @Test
  void serverErrorsAndConnectionErrorsAreRetryable() {
    postAnswer = new Response(503, "{\"error\":\"busy\"}");
    assertThatThrownBy(() -> provider.shiftTraffic("learning-api", "local", "green", 50))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isFalse();
          assertThat(f.getType()).isEqualTo(PlatformFailures.UNAVAILABLE);
        });

    URI gone = admin.uri();
    admin.close();
    assertThatThrownBy(() -> new SandboxPlatformProvider(gone, HttpClient.newHttpClient()).describe("learning-api", "local"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isFalse();
          assertThat(f.getOriginalMessage()).startsWith("sandbox admin API at " + gone + " unreachable");
        });
  }

  @Test
  void smokeTestHitsHealthAndTheSmokePathsOnTheSlotItself() {
    SmokeResult result = provider.smokeTest("learning-api", "local", "green");
    assertThat(result.passed()).as(result.detail()).isTrue();
    assertThat(result.checks()).isEqualTo(3);
    assertThat(result.failures()).isZero();
    assertThat(slot.requests().stream().map(Request::path).toList())
        .containsExactly("/health", "/api/lessons", "/api/progress");
  }

  @Test
  void smokeTestRetriesAPathButFailsOneThatNeverServesAndNeverThrows() {
    AtomicInteger lessons = new AtomicInteger();
    slot.answer(r -> switch (r.path()) {
      case "/api/lessons" -> lessons.incrementAndGet() == 1 ? new Response(500, "{\"error\":\"blip\"}") : new Response(200, "[]");
      case "/api/progress" -> new Response(500, "{\"error\":\"boom\"}");
      default -> new Response(200, "ok");
    });
    SmokeResult result = provider.smokeTest("learning-api", "local", "green");
    assertThat(result.passed()).isFalse();
    assertThat(result.failures()).isEqualTo(1);
    assertThat(result.detail()).contains("failed 1 of 3 checks").contains("/api/progress answered 500");

    slot.answer(r -> new Response(503, "{\"error\":\"starting\"}"));
    SmokeResult unhealthy = provider.smokeTest("learning-api", "local", "green");
    assertThat(unhealthy.passed()).isFalse();
    assertThat(unhealthy.detail()).contains("/health answered 503");

    SmokeResult unreachable = provider.smokeTest("learning-api", "local", "blue");
    assertThat(unreachable.passed()).isFalse();
    assertThat(unreachable.failures()).isEqualTo(3);
  }

  @Test
  void aSlowFirstHealthAnswerIsRetriedAndPasses() {
    AtomicInteger health = new AtomicInteger();
    slot.answer(r -> r.path().equals("/health") && health.incrementAndGet() <= 2
        ? new Response(503, "{\"error\":\"warming up\"}") : new Response(200, "[]"));

    SmokeResult result = provider.smokeTest("learning-api", "local", "green");

    assertThat(result.passed()).as(result.detail()).isTrue();
    assertThat(result.failures()).isZero();
    assertThat(result.detail()).endsWith("(attempt 3)");
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aReleaseThatNeverGetsHealthyFailsOnceTheDeadlinePassed() {
    slot.answer(r -> new Response(503, "{\"error\":\"down\"}"));

    SmokeResult result = provider.smokeTest("learning-api", "local", "green");

    assertThat(result.passed()).isFalse();
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(4), Duration.ofSeconds(1));
    assertThat(result.detail()).contains("/health answered 503").endsWith("(still failing after 6 attempts over 12s)");
  }
}
