package dev.runbook.activities.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.support.HttpJson;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.WatchRule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads the sandbox's own per-colour counters ({@code GET /api/services/{s}/slots/{c}/stats}, of
 * the given release on that colour), the
 * local stand-in for Prometheus. The sandbox computes the numbers over the rule's lookback and
 * stamps them with {@code asOfMillis}, which the evaluator uses to spot stale data.
 *
 * <p>Lesson rules read per-version lesson counters instead ({@code GET
 * /api/lessons/{lesson}/versions/{version}/stats}): a lesson watch passes the lesson id as the
 * service and the version as the colour, since lesson versions are what a flag splits learners by.
 */
public class SandboxMetricSource implements MetricSource {
  private static final Set<MetricKind> LESSON_METRICS = EnumSet.of(MetricKind.LESSON_ERROR_RATE_PERCENT,
      MetricKind.LESSON_COMPLETION_RATE_PERCENT, MetricKind.LESSON_NEGATIVE_FEEDBACK_PERCENT);

  private final URI adminUrl;
  private final HttpJson http;
  private final Clock clock;

  public SandboxMetricSource(URI adminUrl, HttpClient http, Clock clock) {
    this.adminUrl = adminUrl;
    this.http = new HttpJson(http, Duration.ofSeconds(10));
    this.clock = clock;
  }

  @Override
  public MetricReading read(WatchRule rule, String service, String environment, String colour, String version) {
    if (rule.metric() == MetricKind.CUSTOM) {
      return MetricReading.failed("custom PromQL rules need a Prometheus source", clock.millis());
    }
    long lookback = MetricSource.lookbackSeconds(rule);
    boolean lesson = LESSON_METRICS.contains(rule.metric());
    URI uri = HttpJson.resolve(adminUrl, (lesson ? "/api/lessons/" : "/api/services/") + HttpJson.segment(service)
        + (lesson ? "/versions/" : "/slots/") + HttpJson.segment(colour) + "/stats?lookback=" + lookback
        // a colour serves two releases during a rolling deploy: each side is read by its own release
        + (lesson || version == null ? "" : "&version=" + HttpJson.query(version)));
    HttpJson.Reply reply;
    try {
      reply = http.get(uri);
    } catch (IOException e) {
      return MetricReading.failed("sandbox stats unreachable at " + adminUrl + ": " + e, clock.millis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return MetricReading.failed("interrupted while reading sandbox stats", clock.millis());
    }
    if (!reply.ok()) {
      return MetricReading.failed("HTTP " + reply.status() + " from sandbox stats: " + reply.errorMessage(), clock.millis());
    }
    JsonNode stats = reply.json();
    if (stats == null || !stats.isObject()) {
      return MetricReading.failed("sandbox stats answered something other than a JSON object", clock.millis());
    }
    long at = stats.path("asOfMillis").asLong(clock.millis());
    long requests = stats.path("requests").asLong(0);
    return switch (rule.metric()) {
      case ERROR_RATE_PERCENT -> reading(stats, "errorRatePercent", requests, at, "no requests in the last " + lookback + "s");
      case LATENCY_P95_MS -> reading(stats, "p95Ms", requests, at, "no requests in the last " + lookback + "s");
      case HEALTH_CHECK_FAILURES -> reading(stats, "healthFailures", stats.path("healthChecks").asLong(0), at,
          "no health checks in the last " + lookback + "s");
      case COMPLAINTS -> reading(stats, "complaints", requests, at, "no complaint count in the stats");
      case LESSON_ERROR_RATE_PERCENT -> reading(stats, "errorRatePercent", stats.path("opens").asLong(0), at,
          "no lesson opens in the last " + lookback + "s");
      case LESSON_COMPLETION_RATE_PERCENT -> reading(stats, "completionRatePercent",
          stats.path("sessionsEnded").asLong(0), at, "no lesson sessions ended in the last " + lookback + "s");
      case LESSON_NEGATIVE_FEEDBACK_PERCENT -> reading(stats, "negativeFeedbackPercent",
          stats.path("feedback").asLong(0), at, "no lesson feedback in the last " + lookback + "s");
      case CUSTOM -> throw new IllegalStateException("handled above");
    };
  }

  private static MetricReading reading(JsonNode stats, String field, long samples, long at, String whenMissing) {
    JsonNode value = stats.get(field);
    if (value == null || value.isNull() || !value.isNumber()) {
      return new MetricReading(null, samples, at, whenMissing);
    }
    return MetricReading.of(value.asDouble(), samples, at);
  }
}
