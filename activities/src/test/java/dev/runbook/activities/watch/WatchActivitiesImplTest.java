package dev.runbook.activities.watch;

import dev.runbook.activities.testing.VirtualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RuleVerdict;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.rules.RuleState;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.contract.WatchActivities;
import dev.runbook.workflows.contract.WatchProgress;
import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.contract.WatchVerdict;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The watch loop on a virtual clock: the sleeper advances the clock, so a four-hour window with a
 * 10 s poll (1441 reads) runs in well under a second, and every time below is exact.
 */
class WatchActivitiesImplTest {
  private static final long START = 1_763_700_000_000L;
  private static final WatchRule ERROR_RATE = new WatchRule("error-rate", MetricKind.ERROR_RATE_PERCENT,
      Comparison.GREATER_THAN, 5, false, 120, 30, RuleAction.ROLLBACK, 10, null, null);

  /** What the metric source answers: (rule, colour, seconds since START) → reading. */
  private interface Script {
    MetricReading read(WatchRule rule, String colour, long second);
  }

  private final VirtualClock clock = new VirtualClock(START);
  private final List<Notification> sent = new CopyOnWriteArrayList<>();
  private final List<String> reads = new CopyOnWriteArrayList<>();
  private final List<String> readVersions = new CopyOnWriteArrayList<>();
  private final List<String> lookbacks = new CopyOnWriteArrayList<>();
  private final AtomicInteger sleeps = new AtomicInteger();
  private volatile Script script = (rule, colour, s) -> ok(1.0);
  private volatile Function<Notification, RuntimeException> notifyFailure = n -> null;
  private volatile Runnable onSleep = () -> {};
  private TestActivityEnvironment env;
  private WatchActivities watch;
  private final OpenWatches openWatches = new OpenWatches(clock::millis);

  @BeforeEach
  void setUp() {
    env = TestActivityEnvironment.newInstance();
    MetricSource source = (rule, service, environment, colour, version) -> {
      reads.add(colour + "@" + second());
      readVersions.add(colour + " " + version);
      lookbacks.add(colour + "@" + second() + ":" + rule.lookbackSeconds());
      return script.read(rule, colour, second());
    };
    NotificationActivities notifier = n -> {
      RuntimeException failure = notifyFailure.apply(n);
      if (failure != null) {
        throw failure;
      }
      sent.add(n);
    };
    Sleeper sleeper = d -> {
      sleeps.incrementAndGet();
      onSleep.run();
      clock.advance(d);
    };
    env.registerActivitiesImplementations(new WatchActivitiesImpl(environment -> {
      if (!environment.equals("production")) {
        throw ApplicationFailure.newNonRetryableFailure("no metric source for " + environment, "UnknownEnvironment");
      }
      return source;
    }, notifier, null, clock, sleeper, openWatches));
    watch = env.newActivityStub(WatchActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private long second() {
    return (clock.millis() - START) / 1000;
  }

  private long at(long second) {
    return START + second * 1000;
  }

  private MetricReading ok(double value) {
    return MetricReading.of(value, 100, clock.millis());
  }

  private static WatchRequest request(long windowSeconds, WatchRule... rules) {
    return new WatchRequest("deploy:learning-api:production", "learning-api", "production", "k8s-prod", "green",
        "v1.5.1", "blue", "Canary 10% (watch 4h)", windowSeconds, 10, 60, List.of(rules), "v1.5.0");
  }

  private static RuleObservation observation(WatchVerdict verdict, String rule) {
    return verdict.observations().stream().filter(o -> o.rule().equals(rule)).findFirst().orElseThrow();
  }

  @Test
  void healthyFourHourWindow() {
    WatchVerdict verdict = watch.watchRollout(request(4 * 3600, ERROR_RATE));

    assertThat(verdict.result()).isEqualTo(WatchResult.HEALTHY);
    assertThat(verdict.samples()).isEqualTo(1441);
    assertThat(clock.millis()).isEqualTo(at(4 * 3600));
    assertThat(observation(verdict, "error-rate").verdict()).isEqualTo(RuleVerdict.OK);
    assertThat(reads).hasSize(1441).allMatch(r -> r.startsWith("green@"));
    assertThat(sent).isEmpty();
  }

  @Test
  void breachHeldForItsDurationRollsBackWithTheBreachStart() {
    script = (rule, colour, s) -> ok(s >= 60 ? 20.0 : 1.0);

    WatchVerdict verdict = watch.watchRollout(request(1800, ERROR_RATE));

    assertThat(verdict.result()).isEqualTo(WatchResult.ROLLBACK);
    assertThat(verdict.rule()).isEqualTo("error-rate");
    assertThat(verdict.breachStartedAtMillis()).isEqualTo(at(60));
    assertThat(verdict.decidedAtMillis()).isEqualTo(at(180));
    assertThat(verdict.reason()).contains("error-rate").contains("breached for 2m");
    assertThat(observation(verdict, "error-rate").verdict()).isEqualTo(RuleVerdict.FIRING);
    assertThat(verdict.samples()).isEqualTo(19);
  }

  @Test
  void aOneSampleBlipNeverFires() {
    script = (rule, colour, s) -> ok(s == 30 ? 90.0 : 1.0);

    WatchVerdict verdict = watch.watchRollout(request(600, ERROR_RATE));

    assertThat(verdict.result()).isEqualTo(WatchResult.HEALTHY);
  }

  static Stream<Arguments> unusableReadings() {
    return Stream.of(
        Arguments.of("NaN", (Script) (r, c, s) -> MetricReading.of(Double.NaN, 100, START + s * 1000)),
        Arguments.of("empty", (Script) (r, c, s) -> new MetricReading(null, 0, START + s * 1000, "no requests in the last 30s")),
        Arguments.of("stale", (Script) (r, c, s) -> MetricReading.of(1.0, 100, START - 3_600_000)),
        Arguments.of("failed", (Script) (r, c, s) -> MetricReading.failed("HTTP 503 from sandbox stats", START + s * 1000)),
        Arguments.of("low samples", (Script) (r, c, s) -> MetricReading.of(1.0, 3, START + s * 1000)),
        Arguments.of("source throws", (Script) (r, c, s) -> {
          throw new IllegalStateException("connection pool shut down");
        }));
  }

  @ParameterizedTest(name = "{0} readings are inconclusive, never healthy")
  @MethodSource("unusableReadings")
  void unusableReadingsAreInconclusive(String kind, Script unusable) {
    script = unusable;

    WatchVerdict verdict = watch.watchRollout(request(300, ERROR_RATE));

    assertThat(verdict.result()).isEqualTo(WatchResult.INCONCLUSIVE);
    assertThat(observation(verdict, "error-rate").verdict()).isEqualTo(RuleVerdict.INCONCLUSIVE);
  }

  @Test
  void aDataGapAtTheEndOfTheWindowIsNotAPass() {
    script = (rule, colour, s) -> s < 250 ? ok(1.0) : MetricReading.failed("HTTP 503", clock.millis());
    assertThat(watch.watchRollout(request(300, ERROR_RATE)).result()).isEqualTo(WatchResult.INCONCLUSIVE);
  }

  @Test
  void notifyAndPageRulesSendOncePerBreachAndKeepWatching() {
    WatchRule latency = new WatchRule("p95", MetricKind.LATENCY_P95_MS, Comparison.GREATER_THAN, 2000, false, 60, 30,
        RuleAction.NOTIFY, 0, null, null);
    WatchRule complaints = new WatchRule("complaints", MetricKind.COMPLAINTS, Comparison.GREATER_THAN, 10, false, 0, 300,
        RuleAction.PAGE, 0, null, null);
    script = (rule, colour, s) -> switch (rule.metric()) {
      case LATENCY_P95_MS -> ok(s >= 100 && s < 400 || s >= 500 ? 2500 : 300);
      case COMPLAINTS -> ok(s >= 200 ? 12 : 0);
      default -> ok(1.0);
    };

    WatchVerdict verdict = watch.watchRollout(request(900, ERROR_RATE, latency, complaints));

    assertThat(verdict.result()).isEqualTo(WatchResult.HEALTHY);
    assertThat(sent).extracting(Notification::severity, Notification::title).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "p95 fired on learning-api v1.5.1 (green) in production"),
        org.assertj.core.groups.Tuple.tuple(Severity.PAGE, "complaints fired on learning-api v1.5.1 (green) in production"),
        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "p95 fired on learning-api v1.5.1 (green) in production"));
    assertThat(sent.get(0).body()).contains("Breaching since " + java.time.Instant.ofEpochMilli(at(100)));
    assertThat(sent.get(0).workflowId()).isEqualTo("deploy:learning-api:production");
    // one event per breach: the second p95 breach is a new message, not a repeat to drop
    assertThat(sent).extracting(Notification::event).containsExactly(
        "rule-fired:p95:" + at(100), "rule-fired:complaints:" + at(200), "rule-fired:p95:" + at(500));
    assertThat(sent.get(1).details()).containsEntry("value", "12.0").containsEntry("threshold", "10.0")
        .containsEntry("action", "page").containsEntry("colour", "green");
  }

  @Test
  void aFailedNotificationIsSentAgainOnTheNextPoll() {
    WatchRule latency = new WatchRule("p95", MetricKind.LATENCY_P95_MS, Comparison.GREATER_THAN, 2000, false, 0, 30,
        RuleAction.PAGE, 0, null, null);
    script = (rule, colour, s) -> ok(rule.metric() == MetricKind.LATENCY_P95_MS ? 2500 : 1.0);
    AtomicInteger attempts = new AtomicInteger();
    notifyFailure = n -> attempts.incrementAndGet() == 1 ? new IllegalStateException("webhook down") : null;

    WatchVerdict verdict = watch.watchRollout(request(60, ERROR_RATE, latency));

    assertThat(verdict.result()).isEqualTo(WatchResult.HEALTHY);
    assertThat(attempts).hasValue(2);
    assertThat(sent).hasSize(1);
  }

  @Test
  void theWorkerGaugesSeeTheOpenWindowAndHowLongItHasBeenInconclusive() {
    script = (rule, colour, s) -> s < 100 ? ok(1.0) : MetricReading.failed("HTTP 503", clock.millis());
    List<String> seen = new CopyOnWriteArrayList<>();
    onSleep = () -> seen.add(second() + "s:" + openWatches.count() + ":" + openWatches.longestInconclusiveSeconds());

    assertThat(watch.watchRollout(request(300, ERROR_RATE)).result()).isEqualTo(WatchResult.INCONCLUSIVE);

    assertThat(seen).contains("0s:1:0.0", "99s:1:0.0", "100s:1:0.0", "109s:1:9.0", "299s:1:199.0");
    assertThat(openWatches.count()).as("a closed window leaves the gauges").isZero();
    assertThat(openWatches.longestInconclusiveSeconds()).isZero();
  }

  @Test
  void relativeRulesCompareWithTheStableColour() {
    WatchRule degradation = new WatchRule("degradation", MetricKind.LATENCY_P95_MS, Comparison.GREATER_THAN, 1.5, true,
        30, 30, RuleAction.ROLLBACK, 0, null, null);
    script = (rule, colour, s) -> ok(colour.equals("green") ? 400 : 200);

    WatchVerdict verdict = watch.watchRollout(request(600, degradation));

    assertThat(verdict.result()).isEqualTo(WatchResult.ROLLBACK);
    assertThat(observation(verdict, "degradation").threshold()).isEqualTo(300.0);
    assertThat(reads).contains("green@0", "blue@0");
    assertThat(readVersions).as("each side is read by its own release, never by the colour alone")
        .containsOnly("green v1.5.1", "blue v1.5.0");
  }

  @Test
  void theCanaryIsNeverReadFurtherBackThanItsWindowStarted() {
    WatchRule degradation = new WatchRule("degradation", MetricKind.LATENCY_P95_MS, Comparison.GREATER_THAN, 1.5, true,
        30, 30, RuleAction.ROLLBACK, 0, null, null);

    watch.watchRollout(request(60, degradation));

    // the baseline keeps its lookback; the canary's grows with the window up to the rule's 30 s
    assertThat(lookbacks).containsSubsequence("green@0:1", "blue@0:30", "green@10:10", "blue@10:30",
        "green@20:20", "green@30:30", "green@40:30", "blue@40:30");
  }

  @Test
  void aBreachAcrossTheDeadlineIsDecidedInAnExtension() {
    script = (rule, colour, s) -> ok(s >= 290 ? 20.0 : 1.0);

    WatchVerdict verdict = watch.watchRollout(request(300, ERROR_RATE));

    assertThat(verdict.result()).isEqualTo(WatchResult.ROLLBACK);
    assertThat(verdict.breachStartedAtMillis()).isEqualTo(at(290));
    assertThat(verdict.decidedAtMillis()).isEqualTo(at(410));
  }

  @Test
  void aBreachThatClearsInTheExtensionIsHealthy() {
    script = (rule, colour, s) -> ok(s >= 290 && s < 330 ? 20.0 : 1.0);

    WatchVerdict verdict = watch.watchRollout(request(300, ERROR_RATE));

    assertThat(verdict.result()).isEqualTo(WatchResult.HEALTHY);
    assertThat(clock.millis()).isEqualTo(at(330));
  }

  @Test
  void aRetryResumesTheOldDeadlineAndBreachStart() {
    // The first attempt died 100 s into a 300 s window, 60 s into a breach.
    long windowStart = START - 100_000;
    env.setHeartbeatDetails(new WatchProgress(windowStart + 300_000, 10,
        Map.of("error-rate", new RuleState(START - 60_000, null, 10, 0)), List.of()));
    script = (rule, colour, s) -> ok(20.0);

    WatchVerdict verdict = watch.watchRollout(request(300, ERROR_RATE));

    assertThat(verdict.result()).isEqualTo(WatchResult.ROLLBACK);
    assertThat(verdict.breachStartedAtMillis()).isEqualTo(START - 60_000);
    assertThat(verdict.decidedAtMillis()).isEqualTo(at(60));
    assertThat(verdict.samples()).isEqualTo(17);
  }

  @Test
  void aRetryKeepsTheOriginalDeadline() {
    env.setHeartbeatDetails(new WatchProgress(START + 100_000, 20, Map.of(), List.of()));

    WatchVerdict verdict = watch.watchRollout(request(300, ERROR_RATE));

    assertThat(verdict.result()).isEqualTo(WatchResult.HEALTHY);
    assertThat(clock.millis()).isEqualTo(at(100));
    assertThat(verdict.samples()).isEqualTo(31);
  }

  @Test
  void heartbeatsCarryTheProgress() {
    List<WatchProgress> beats = new CopyOnWriteArrayList<>();
    env.setActivityHeartbeatListener(WatchProgress.class, beats::add);
    script = (rule, colour, s) -> ok(s >= 20 ? 20.0 : 1.0);

    watch.watchRollout(request(600, ERROR_RATE));

    assertThat(beats).isNotEmpty();
    WatchProgress first = beats.get(0);
    assertThat(first.deadlineMillis()).isEqualTo(at(600));
    assertThat(first.rules()).containsKey("error-rate");
    assertThat(first.observations()).extracting(RuleObservation::rule).containsExactly("error-rate");
  }

  @Test
  void cancellationArrivesThroughTheHeartbeat() {
    onSleep = () -> {
      if (sleeps.get() == 3) {
        env.requestCancelActivity();
      }
      try {
        Thread.sleep(20); // real time, so the SDK's throttled heartbeat reaches the test server
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    WatchActivities cancellable = env.newActivityStub(WatchActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setHeartbeatTimeout(Duration.ofMillis(500))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build());

    assertThatThrownBy(() -> cancellable.watchRollout(request(4 * 3600, ERROR_RATE)))
        .isInstanceOf(CanceledFailure.class);
    assertThat(second()).isLessThan(4 * 3600);
  }

  @Test
  void badRequestsFailNonRetryably() {
    assertThatThrownBy(() -> watch.watchRollout(new WatchRequest("w", "learning-api", "production", "k8s", "green",
        "v1", null, "s", 60, 0, 60, List.of())))
        .isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("pollSeconds must be positive").contains("at least one watch rule");
        });
    List<String> none = new ArrayList<>(reads);
    assertThat(none).isEmpty();
  }
}
