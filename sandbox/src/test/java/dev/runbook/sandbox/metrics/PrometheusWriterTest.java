package dev.runbook.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusWriterTest {

  @Test
  void formatsNumbersWithoutExponentsAndEscapesLabels() {
    assertThat(PrometheusWriter.number(0.005)).isEqualTo("0.005");
    assertThat(PrometheusWriter.number(10)).isEqualTo("10");
    assertThat(PrometheusWriter.number(0)).isEqualTo("0");
    assertThat(PrometheusWriter.number(1.0e-7)).isEqualTo("0");
    assertThat(PrometheusWriter.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
  }

  @Test
  void rendersEveryFamilyWithHelpAndType() {
    MetricsRegistry registry = new MetricsRegistry(() -> 0L);
    registry.slot("web", "blue", "v3.2.0").recordRequest(12, true, false);

    String text = PrometheusWriter.render(registry.all(), List.of(new PrometheusWriter.Weight("web", "blue", 100)));

    assertThat(text).contains(
        "# TYPE sandbox_requests_total counter\n",
        "sandbox_requests_total{service=\"web\",colour=\"blue\",version=\"v3.2.0\"} 1\n",
        "sandbox_request_errors_total{service=\"web\",colour=\"blue\",version=\"v3.2.0\"} 1\n",
        "# TYPE sandbox_request_duration_seconds histogram\n",
        "sandbox_request_duration_seconds_bucket{service=\"web\",colour=\"blue\",version=\"v3.2.0\",le=\"0.025\"} 1\n",
        "sandbox_request_duration_seconds_sum{service=\"web\",colour=\"blue\",version=\"v3.2.0\"} 0.012\n",
        "# TYPE sandbox_health_checks_total counter\n",
        "# TYPE sandbox_health_failures_total counter\n",
        "# TYPE sandbox_complaints_total counter\n",
        "# TYPE sandbox_traffic_weight gauge\n",
        "sandbox_traffic_weight{service=\"web\",colour=\"blue\"} 100\n");
    assertThat(text).endsWith("\n");
  }

  @Test
  void rendersTheConventionalNamesTheShippedQueriesRead() {
    long[] now = {0};
    MetricsRegistry registry = new MetricsRegistry(() -> now[0]);
    SlotMetrics slot = registry.slot("web", "green", "v1.6.0");
    slot.recordRequest(12, 200, false);
    slot.recordRequest(30, 500, true);
    slot.recordRequest(40, 503, false);
    slot.recordHealthCheck(false);
    String labels = "service=\"web\",colour=\"green\",version=\"v1.6.0\"";

    String text = PrometheusWriter.render(registry.all(), List.of());

    assertThat(text).contains(
        "# TYPE http_requests_total counter\n",
        "http_requests_total{" + labels + ",code=\"200\"} 1\n",
        "http_requests_total{" + labels + ",code=\"500\"} 1\n",
        "http_requests_total{" + labels + ",code=\"503\"} 1\n",
        "# TYPE http_request_duration_seconds histogram\n",
        "http_request_duration_seconds_bucket{" + labels + ",le=\"0.025\"} 1\n",
        "http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 3\n",
        "http_request_duration_seconds_count{" + labels + "} 3\n",
        "# TYPE probe_success gauge\n",
        "probe_success{" + labels + "} 0\n",
        "user_complaints_total{" + labels + "} 1\n",
        "sandbox_request_errors_total{" + labels + "} 2\n");

    now[0] = SlotMetrics.PROBE_FRESH_MILLIS + 1;
    assertThat(PrometheusWriter.render(registry.all(), List.of()))
        .as("a slot nobody probes lately has no probe_success, as a target blackbox stopped probing")
        .doesNotContain("probe_success{");
  }
}
