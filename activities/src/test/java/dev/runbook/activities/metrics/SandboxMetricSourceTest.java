package dev.runbook.activities.metrics;

import static dev.runbook.activities.metrics.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.activities.support.FakeHttpServer;
import dev.runbook.activities.support.FakeHttpServer.Response;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.RuleAction;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a loopback server answering in the sandbox admin API's shapes. */
class SandboxMetricSourceTest {
  private static final long NOW = 1_763_700_010_000L;
  private static final String STATS = "{\"service\":\"learning-api\",\"colour\":\"green\",\"version\":\"v1.5.1\","
      + "\"requests\":123,\"errors\":25,\"errorRatePercent\":20.33,\"p95Ms\":130.0,\"healthChecks\":30,"
      + "\"healthFailures\":2,\"complaints\":4,\"asOfMillis\":1763700009000}";

  private FakeHttpServer sandbox;
  private SandboxMetricSource source;

  @BeforeEach
  void start() throws Exception {
    sandbox = new FakeHttpServer(r -> new Response(200, STATS));
    source = new SandboxMetricSource(sandbox.uri(), HttpClient.newHttpClient(),
        Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private MetricReading read(MetricKind kind) {
    return source.read(rule("r", kind, 1, 0, RuleAction.ROLLBACK), "learning-api", "local", "green", "v1.5.1");
  }

  @Test
  void mapsEachMetricToItsStatsField() {
    assertThat(read(MetricKind.ERROR_RATE_PERCENT)).isEqualTo(MetricReading.of(20.33, 123, 1_763_700_009_000L));
    assertThat(read(MetricKind.LATENCY_P95_MS)).isEqualTo(MetricReading.of(130.0, 123, 1_763_700_009_000L));
    assertThat(read(MetricKind.HEALTH_CHECK_FAILURES)).isEqualTo(MetricReading.of(2, 30, 1_763_700_009_000L));
    assertThat(read(MetricKind.COMPLAINTS)).isEqualTo(MetricReading.of(4, 123, 1_763_700_009_000L));
    assertThat(sandbox.requests()).allSatisfy(r -> {
      assertThat(r.path()).isEqualTo("/api/services/learning-api/slots/green/stats");
      assertThat(r.param("lookback")).isEqualTo("30");
    });
  }

  @Test
  void noRequestsIsAnEmptyReadingWithAReason() {
    sandbox.answer(r -> new Response(200, "{\"requests\":0,\"errors\":0,\"errorRatePercent\":null,\"p95Ms\":null,"
        + "\"healthChecks\":3,\"healthFailures\":0,\"complaints\":0,\"asOfMillis\":1763700009000}"));
    assertThat(read(MetricKind.ERROR_RATE_PERCENT))
        .isEqualTo(new MetricReading(null, 0, 1_763_700_009_000L, "no requests in the last 30s"));
    assertThat(read(MetricKind.LATENCY_P95_MS).problem()).isEqualTo("no requests in the last 30s");
  }

  @Test
  void httpErrorsAreFailedReadings() {
    sandbox.answer(r -> new Response(503, "{\"error\":\"restarting\"}"));
    MetricReading reading = read(MetricKind.ERROR_RATE_PERCENT);
    assertThat(reading.value()).isNull();
    assertThat(reading.problem()).startsWith("HTTP 503 from sandbox stats");
    assertThat(reading.atMillis()).isEqualTo(NOW);

    sandbox.answer(r -> new Response(404, "{\"error\":\"unknown service learning-api\"}"));
    assertThat(read(MetricKind.ERROR_RATE_PERCENT).problem()).isEqualTo("HTTP 404 from sandbox stats: unknown service learning-api");
  }

  private static final String LESSON_STATS = "{\"lessonId\":\"stock_basics_001\",\"version\":\"2.0.0\","
      + "\"asOfMillis\":1763700009000,\"lookbackSeconds\":30,\"opens\":80,\"renderErrors\":4,"
      + "\"errorRatePercent\":5.0,\"sessionsEnded\":40,\"completions\":30,\"completionRatePercent\":75.0,"
      + "\"feedback\":10,\"negativeFeedback\":3,\"negativeFeedbackPercent\":30.0,\"restarts\":2}";

  private MetricReading readLesson(MetricKind kind) {
    return source.read(rule("r", kind, 1, 0, RuleAction.ROLLBACK), "stock_basics_001", "local", "2.0.0", null);
  }

  @Test
  void lessonRulesReadTheLessonVersionsStats() {
    sandbox.answer(r -> new Response(200, LESSON_STATS));
    assertThat(readLesson(MetricKind.LESSON_ERROR_RATE_PERCENT)).isEqualTo(MetricReading.of(5.0, 80, 1_763_700_009_000L));
    assertThat(readLesson(MetricKind.LESSON_COMPLETION_RATE_PERCENT))
        .isEqualTo(MetricReading.of(75.0, 40, 1_763_700_009_000L));
    assertThat(readLesson(MetricKind.LESSON_NEGATIVE_FEEDBACK_PERCENT))
        .isEqualTo(MetricReading.of(30.0, 10, 1_763_700_009_000L));
    assertThat(sandbox.requests()).allSatisfy(r -> {
      assertThat(r.path()).isEqualTo("/api/lessons/stock_basics_001/versions/2.0.0/stats");
      assertThat(r.param("lookback")).isEqualTo("30");
    });
  }

  @Test
  void aLessonVersionWithoutTrafficIsAnEmptyReadingWithAReason() {
    sandbox.answer(r -> new Response(200, "{\"lessonId\":\"stock_basics_001\",\"version\":\"2.0.0\","
        + "\"asOfMillis\":1763700009000,\"opens\":0,\"errorRatePercent\":null,\"sessionsEnded\":0,"
        + "\"completionRatePercent\":null,\"feedback\":0,\"negativeFeedbackPercent\":null}"));
    assertThat(readLesson(MetricKind.LESSON_ERROR_RATE_PERCENT))
        .isEqualTo(new MetricReading(null, 0, 1_763_700_009_000L, "no lesson opens in the last 30s"));
    assertThat(readLesson(MetricKind.LESSON_COMPLETION_RATE_PERCENT).problem())
        .isEqualTo("no lesson sessions ended in the last 30s");
    assertThat(readLesson(MetricKind.LESSON_NEGATIVE_FEEDBACK_PERCENT).problem())
        .isEqualTo("no lesson feedback in the last 30s");

    sandbox.answer(r -> new Response(404, "{\"error\":\"unknown lesson version stock_basics_001 2.0.0\"}"));
    assertThat(readLesson(MetricKind.LESSON_ERROR_RATE_PERCENT).problem())
        .isEqualTo("HTTP 404 from sandbox stats: unknown lesson version stock_basics_001 2.0.0");
  }

  @Test
  void customRulesNeedPrometheus() {
    MetricReading reading = source.read(Rules.custom("c", "up", null), "learning-api", "local", "green", null);
    assertThat(reading).isEqualTo(MetricReading.failed("custom PromQL rules need a Prometheus source", NOW));
    assertThat(sandbox.requests()).isEmpty();
  }
}
