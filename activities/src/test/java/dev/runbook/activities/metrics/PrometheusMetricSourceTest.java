package dev.runbook.activities.metrics;

import static dev.runbook.activities.metrics.Rules.custom;
import static dev.runbook.activities.metrics.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.activities.support.FakeHttpServer;
import dev.runbook.activities.support.FakeHttpServer.Request;
import dev.runbook.activities.support.FakeHttpServer.Response;
import dev.runbook.workflows.api.RuleVerdict;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.rules.RuleEvaluator;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.RuleAction;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusMetricSourceTest {
  private static final long NOW = 1_763_700_010_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
  private static final String ERROR_RATE =
      "100 * (sum(rate(http_requests_total{service=\"learning-api\",colour=\"green\",version=\"v1.5.1\",code=~\"5..\"}[30s])) or vector(0))"
          + " / sum(rate(http_requests_total{service=\"learning-api\",colour=\"green\",version=\"v1.5.1\"}[30s]))";
  private static final String REQUESTS = "sum(increase(http_requests_total{service=\"learning-api\",colour=\"green\",version=\"v1.5.1\"}[30s]))";

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeHttpServer prometheus;

  @AfterEach
  void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private PrometheusMetricSource source(Function<Request, Response> answers) throws Exception {
    prometheus = new FakeHttpServer(answers);
    return new PrometheusMetricSource(prometheus.uri(), http, CLOCK);
  }

  private static Response vector(String value, double ts) {
    return new Response(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
        + "\"value\":[" + ts + ",\"" + value + "\"]}]}}");
  }

  private List<String> queries() {
    return prometheus.requests().stream().map(r -> r.param("query")).toList();
  }

  @Test
  void readsTheDefaultErrorRateQueryAndItsRequestCount() throws Exception {
    PrometheusMetricSource source = source(r -> r.param("query").startsWith("100 *")
        ? vector("5.25", 1763700000.123) : vector("250.4", 1763700000.123));

    MetricReading reading = source.read(rule("error-rate", MetricKind.ERROR_RATE_PERCENT, 5, 120, RuleAction.ROLLBACK),
        "learning-api", "production", "green", "v1.5.1");

    assertThat(reading).isEqualTo(new MetricReading(5.25, 250, 1_763_700_000_123L, null));
    assertThat(queries()).containsExactly(ERROR_RATE, REQUESTS);
    assertThat(prometheus.requests().get(0).path()).isEqualTo("/api/v1/query");
    assertThat(prometheus.requests().get(0).param("time")).isNull();
  }

  @Test
  void healthFailuresCarryTheProbeCountSoASustainedRuleWaitsForEnoughProbes() throws Exception {
    String probes = "sum(count_over_time(probe_success{service=\"learning-api\",colour=\"green\",version=\"v1.5.1\"}[30s]))";
    long[] probeCount = {3};
    PrometheusMetricSource source = source(r -> r.param("query").equals(probes)
        ? vector(Long.toString(probeCount[0]), 1763700010) : vector("3", 1763700010));
    WatchRule health = new WatchRule("health-checks", MetricKind.HEALTH_CHECK_FAILURES, Comparison.GREATER_THAN, 2,
        false, 60, 30, RuleAction.ROLLBACK, 4, null, null);

    MetricReading few = source.read(health, "learning-api", "production", "green", "v1.5.1");
    assertThat(few).isEqualTo(new MetricReading(3.0, 3, 1_763_700_010_000L, null));
    assertThat(queries()).containsExactly(probes + " - "
        + "sum(sum_over_time(probe_success{service=\"learning-api\",colour=\"green\",version=\"v1.5.1\"}[30s]))", probes);
    assertThat(RuleEvaluator.evaluate(health, few, null, null, NOW, 0).observation().verdict())
        .isEqualTo(RuleVerdict.INCONCLUSIVE);

    probeCount[0] = 8;
    MetricReading enough = source.read(health, "learning-api", "production", "green", "v1.5.1");
    RuleEvaluator.Evaluation first = RuleEvaluator.evaluate(health, enough, null, null, NOW, 0);
    assertThat(first.observation().verdict()).as("a breach must last 'for' before it fires").isEqualTo(RuleVerdict.PENDING);
    assertThat(RuleEvaluator.evaluate(health, enough, null, first.state(), NOW + 60_000, 0).observation().verdict())
        .isEqualTo(RuleVerdict.FIRING);
  }

  @Test
  void defaultLatencyQueryIsTheP95InMilliseconds() throws Exception {
    PrometheusMetricSource source = source(r -> vector("0.5", 1763700000));
    MetricReading reading = source.read(rule("p95", MetricKind.LATENCY_P95_MS, 2000, 300, RuleAction.ROLLBACK),
        "learning-api", "production", "green", "v1.5.1");
    assertThat(reading.value()).isEqualTo(0.5);
    assertThat(queries().get(0)).isEqualTo("histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket"
        + "{service=\"learning-api\",colour=\"green\",version=\"v1.5.1\"}[30s]))) * 1000");
  }

  @Test
  void scalarAnswerOfACustomQueryWithAllPlaceholders() throws Exception {
    PrometheusMetricSource source = source(r -> new Response(200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1763700000.5,\"42\"]}}"));
    MetricReading reading = source.read(
        custom("beta", "scalar(sum(lesson_beta_alerts{service=\"{service}\",env=\"{environment}\",version=\"{version}\"}[{lookback}]))", null),
        "learning-api", "prod \"east\"", "green", "v1.5.1");
    assertThat(reading).isEqualTo(new MetricReading(42.0, -1, 1_763_700_000_500L, null));
    assertThat(queries()).containsExactly(
        "scalar(sum(lesson_beta_alerts{service=\"learning-api\",env=\"prod \\\"east\\\"\",version=\"v1.5.1\"}[30s]))");
  }

  @Test
  void nanAndInfinityAreKeptForTheEvaluatorToJudge() throws Exception {
    PrometheusMetricSource source = source(r -> r.param("query").startsWith("100 *") ? vector("NaN", 1763700000) : vector("0", 1763700000));
    MetricReading nan = source.read(rule("e", MetricKind.ERROR_RATE_PERCENT, 5, 0, RuleAction.ROLLBACK), "learning-api", "p", "green", "v1.5.1");
    assertThat(nan.value()).isNaN();
    assertThat(nan.samples()).isZero();
    assertThat(nan.problem()).isNull();

    prometheus.answer(r -> vector("+Inf", 1763700000));
    MetricReading inf = source.read(rule("e", MetricKind.LATENCY_P95_MS, 5, 0, RuleAction.ROLLBACK), "learning-api", "p", "green", "v1.5.1");
    assertThat(inf.value()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void emptyResultIsAReadingWithoutValue() throws Exception {
    PrometheusMetricSource source = source(r -> new Response(200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
    MetricReading reading = source.read(rule("e", MetricKind.ERROR_RATE_PERCENT, 5, 0, RuleAction.ROLLBACK),
        "learning-api", "p", "green", "v1.5.1");
    assertThat(reading.value()).isNull();
    assertThat(reading.problem()).isEqualTo("query returned no series: " + ERROR_RATE);
    assertThat(queries()).containsExactly(ERROR_RATE);
  }

  @Test
  void aBuiltInRuleWithoutAVersionIsInconclusiveInsteadOfReadingTheColourAlone() throws Exception {
    PrometheusMetricSource source = source(r -> vector("1", 1763700000));
    MetricReading reading = source.read(rule("e", MetricKind.LATENCY_P95_MS, 2000, 0, RuleAction.ROLLBACK),
        "learning-api", "p", "green", null);
    assertThat(reading.value()).isNull();
    assertThat(reading.problem()).startsWith("no version known for learning-api green");
    assertThat(prometheus.requests()).as("nothing is asked that could mix two releases").isEmpty();
  }

  @Test
  void severalSeriesMustBeAggregated() throws Exception {
    PrometheusMetricSource source = source(r -> new Response(200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            + "{\"metric\":{\"pod\":\"a\"},\"value\":[1763700000,\"1\"]},{\"metric\":{\"pod\":\"b\"},\"value\":[1763700000,\"2\"]}]}}"));
    MetricReading reading = source.read(custom("c", "up{job=\"x\"}", null), "learning-api", "p", "green", null);
    assertThat(reading.value()).isNull();
    assertThat(reading.problem()).startsWith("query returned 2 series; aggregate it to one");
  }

  @Test
  void apiErrorsCarryTheirTypeAndMessage() throws Exception {
    PrometheusMetricSource source = source(r -> new Response(400,
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\": 1:5: parse error\"}"));
    WatchRuleReads reads = new WatchRuleReads(source);
    assertThat(reads.custom("sum(").problem())
        .isEqualTo("Prometheus bad_data (HTTP 400): invalid parameter \"query\": 1:5: parse error in query: sum(");

    prometheus.answer(r -> new Response(422,
        "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query processing would load too many samples\"}"));
    assertThat(reads.custom("big").problem()).startsWith("Prometheus execution (HTTP 422): query processing would load too many samples");

    prometheus.answer(r -> new Response(503, "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"too many queries\"}"));
    MetricReading unavailable = reads.custom("x");
    assertThat(unavailable.problem()).startsWith("Prometheus unavailable (HTTP 503): too many queries");
    assertThat(unavailable.value()).isNull();
    assertThat(unavailable.atMillis()).isEqualTo(NOW);
  }

  @Test
  void garbageAndGatewayErrorsAreFailedReadings() throws Exception {
    PrometheusMetricSource source = source(r -> new Response(502, "<html><body>Bad Gateway</body></html>"));
    WatchRuleReads reads = new WatchRuleReads(source);
    assertThat(reads.custom("x").problem()).startsWith("HTTP 502 from Prometheus, not a JSON API answer: <html>");

    prometheus.answer(r -> new Response(200, "not json at all"));
    assertThat(reads.custom("x").problem()).startsWith("HTTP 200 from Prometheus, not a JSON API answer");

    prometheus.answer(r -> new Response(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"));
    assertThat(reads.custom("x[5m]").problem()).startsWith("query returned a matrix; an instant vector or scalar is needed");
  }

  @Test
  void staleSampleKeepsItsOwnTimestamp() throws Exception {
    PrometheusMetricSource source = source(r -> vector("1", 1763690000));
    MetricReading reading = new WatchRuleReads(source).custom("x");
    assertThat(reading.atMillis()).isEqualTo(1_763_690_000_000L);
    assertThat(NOW - reading.atMillis()).isEqualTo(10_010_000L);
  }

  @Test
  void failingSamplesQueryFailsTheReading() throws Exception {
    PrometheusMetricSource source = source(r -> r.param("query").startsWith("100 *")
        ? vector("1", 1763700000) : new Response(503, "upstream down"));
    MetricReading reading = source.read(rule("e", MetricKind.ERROR_RATE_PERCENT, 5, 0, RuleAction.ROLLBACK),
        "learning-api", "p", "green", "v1.5.1");
    assertThat(reading.value()).isNull();
    assertThat(reading.problem()).startsWith("samples query: HTTP 503 from Prometheus");
  }

  @Test
  void emptySamplesQueryMeansNoRequests() throws Exception {
    PrometheusMetricSource source = source(r -> r.param("query").startsWith("100 *") ? vector("0", 1763700000)
        : new Response(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
    MetricReading reading = source.read(rule("e", MetricKind.ERROR_RATE_PERCENT, 5, 0, RuleAction.ROLLBACK),
        "learning-api", "p", "green", "v1.5.1");
    assertThat(reading).isEqualTo(new MetricReading(0.0, 0, 1_763_700_000_000L, null));
  }

  @Test
  void sendsEvaluationTimeWhenAsked() throws Exception {
    prometheus = new FakeHttpServer(r -> vector("1", 1763700010));
    new PrometheusMetricSource(URI.create(prometheus.uri() + "/"), http, CLOCK, true)
        .read(custom("c", "vector(1)", null), "learning-api", "p", "green", null);
    assertThat(prometheus.requests().get(0).path()).isEqualTo("/api/v1/query");
    assertThat(prometheus.requests().get(0).param("time")).isEqualTo("1763700010.000");
  }

  @Test
  void unreachablePrometheusIsAFailedReading() throws Exception {
    prometheus = new FakeHttpServer(r -> vector("1", 1));
    URI gone = prometheus.uri();
    prometheus.close();
    prometheus = null;
    MetricReading reading = new PrometheusMetricSource(gone, http, CLOCK).read(custom("c", "vector(1)", null), "s", "p", "green", null);
    assertThat(reading.value()).isNull();
    assertThat(reading.problem()).startsWith("Prometheus at " + gone + " unreachable");
    assertThat(reading.atMillis()).isEqualTo(NOW);
  }

  /** Shorthand for reading a CUSTOM rule. */
  private record WatchRuleReads(PrometheusMetricSource source) {
    MetricReading custom(String query) {
      return source.read(Rules.custom("c", query, null), "learning-api", "production", "green", "v1.5.1");
    }
  }
}
