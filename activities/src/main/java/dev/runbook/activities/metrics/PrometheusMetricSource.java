package dev.runbook.activities.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.support.HttpJson;
import dev.runbook.activities.support.Text;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.WatchRule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Reads watch rules from a Prometheus-compatible HTTP API ({@code GET /api/v1/query}, also served
 * by Thanos, Mimir and VictoriaMetrics). A rule's query must come back as one series or a scalar;
 * every other answer (no series, several series, NaN, an error) becomes a reading with a problem,
 * so a mislabelled query shows up as INCONCLUSIVE instead of as a quietly healthy window.
 */
public class PrometheusMetricSource implements MetricSource {
  private final URI baseUrl;
  private final HttpJson http;
  private final Clock clock;
  private final boolean sendEvaluationTime;

  public PrometheusMetricSource(URI baseUrl, HttpClient http, Clock clock) {
    this(baseUrl, http, clock, false);
  }

  /**
   * @param sendEvaluationTime pass {@code time=<clock now>} with each query instead of letting
   *     Prometheus use its own clock (useful when the worker's clock is the reference)
   */
  public PrometheusMetricSource(URI baseUrl, HttpClient http, Clock clock, boolean sendEvaluationTime) {
    this.baseUrl = baseUrl;
    this.http = new HttpJson(http, Duration.ofSeconds(10));
    this.clock = clock;
    this.sendEvaluationTime = sendEvaluationTime;
  }

  @Override
  public MetricReading read(WatchRule rule, String service, String environment, String colour, String version) {
    String valueTemplate = PromQl.valueQuery(rule);
    if (valueTemplate == null) {
      return MetricReading.failed("custom rule '" + rule.name() + "' has no query", clock.millis());
    }
    String samplesTemplate = PromQl.samplesQuery(rule);
    if ((version == null || version.isBlank())
        && (PromQl.needsVersion(valueTemplate) || PromQl.needsVersion(samplesTemplate))) {
      return MetricReading.failed("no version known for " + service + " " + colour + " (a run started before"
          + " watches carried the stable version); reading the colour alone could mix two releases", clock.millis());
    }
    long lookback = MetricSource.lookbackSeconds(rule);
    String query = PromQl.render(valueTemplate, service, environment, colour, version, lookback);
    PromSample value = query(query);
    if (value.problem() != null) {
      return new MetricReading(null, 0, value.atMillis(), value.problem());
    }
    long samples = -1;
    if (samplesTemplate != null) {
      String samplesQuery = PromQl.render(samplesTemplate, service, environment, colour, version, lookback);
      PromSample count = query(samplesQuery);
      if (count.empty()) {
        samples = 0;
      } else if (count.problem() != null) {
        return new MetricReading(null, 0, count.atMillis(), "samples query: " + count.problem());
      } else if (Double.isFinite(count.value())) {
        samples = Math.round(count.value());
      }
    }
    return new MetricReading(value.value(), samples, value.atMillis(), null);
  }

  private PromSample query(String promql) {
    long now = clock.millis();
    String path = "/api/v1/query?query=" + HttpJson.query(promql)
        + (sendEvaluationTime ? "&time=" + String.format(java.util.Locale.ROOT, "%.3f", now / 1000.0) : "");
    HttpJson.Reply reply;
    try {
      reply = http.get(HttpJson.resolve(baseUrl, path));
    } catch (IOException e) {
      return PromSample.problem("Prometheus at " + baseUrl + " unreachable: " + e, now);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PromSample.problem("interrupted while querying Prometheus", now);
    }
    JsonNode body = reply.json();
    if (body == null || !body.isObject()) {
      return PromSample.problem("HTTP " + reply.status() + " from Prometheus, not a JSON API answer: "
          + Text.truncate(reply.body(), 200), now);
    }
    if ("error".equals(body.path("status").asText())) {
      return PromSample.problem("Prometheus " + body.path("errorType").asText("error") + " (HTTP " + reply.status()
          + "): " + body.path("error").asText() + " in query: " + promql, now);
    }
    if (!reply.ok() || !"success".equals(body.path("status").asText())) {
      return PromSample.problem("HTTP " + reply.status() + " from Prometheus: " + Text.truncate(reply.body(), 200), now);
    }
    return PromSample.parse(body.path("data"), promql, now);
  }
}
