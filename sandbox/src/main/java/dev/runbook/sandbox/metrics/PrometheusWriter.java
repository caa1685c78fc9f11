package dev.runbook.sandbox.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Renders the sandbox's counters in the Prometheus text exposition format (version 0.0.4).
 *
 * <p>Two sets of names. The conventional ones a real service and a blackbox prober export ({@code
 * http_requests_total{code}}, {@code http_request_duration_seconds}, {@code probe_success}, {@code
 * user_complaints_total}) are what the runbooks' built-in PromQL and the Grafana dashboard read, so
 * a real Prometheus scraping the sandbox judges releases with the queries shipped for production.
 * The {@code sandbox_*} names stay for the stats tooling that reads them. Every series is labelled
 * {@code service}, {@code colour} and {@code version}, so a query picks one deployment, never a
 * colour's earlier release.
 */
public final class PrometheusWriter {

  /** Content type of the text exposition format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Traffic weight of one colour of one service, for the gauge. */
  public record Weight(String service, String colour, int weight) {}

  private PrometheusWriter() {}

  public static String render(List<SlotMetrics> slots, List<Weight> weights) {
    List<Labelled> totals = slots.stream().map(s -> new Labelled(s.key(), s.totals())).toList();
    StringBuilder out = new StringBuilder(4096);
    counter(out, "sandbox_requests_total", "Requests answered by a slot.", totals,
        t -> t.requests());
    counter(out, "sandbox_request_errors_total", "Requests a slot answered with a 5xx status.",
        totals, t -> t.errors());
    histogram(out, "sandbox_request_duration_seconds", totals);
    counter(out, "sandbox_health_checks_total", "Health probes sent to a slot.", totals,
        t -> t.healthChecks());
    counter(out, "sandbox_health_failures_total", "Health probes a slot failed.", totals,
        t -> t.healthFailures());
    counter(out, "sandbox_complaints_total", "User complaints caused by a slot's requests.", totals,
        t -> t.complaints());
    header(out, "sandbox_traffic_weight", "Percentage of routed traffic a colour receives.", "gauge");
    for (Weight w : weights) {
      out.append("sandbox_traffic_weight{service=\"").append(escape(w.service()))
          .append("\",colour=\"").append(escape(w.colour())).append("\"} ")
          .append(w.weight()).append('\n');
    }
    conventional(out, totals);
    return out.toString();
  }

  private static void conventional(StringBuilder out, List<Labelled> totals) {
    header(out, "http_requests_total", "HTTP requests a slot answered, by status code.", "counter");
    for (Labelled s : totals) {
      s.totals().byCode().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
          out.append("http_requests_total{").append(s.labels()).append(",code=\"").append(e.getKey())
              .append("\"} ").append(e.getValue()).append('\n'));
    }
    histogram(out, "http_request_duration_seconds", totals);
    header(out, "probe_success", "Whether the last health probe of a slot succeeded (1) or failed (0).", "gauge");
    for (Labelled s : totals) {
      if (s.totals().probeSuccess() != null) {
        out.append("probe_success{").append(s.labels()).append("} ").append(s.totals().probeSuccess()).append('\n');
      }
    }
    counter(out, "user_complaints_total", "User complaints about a slot's answers.", totals, t -> t.complaints());
  }

  private record Labelled(SeriesKey key, SlotMetrics.Totals totals) {
    String labels() {
      return "service=\"" + escape(key.service()) + "\",colour=\"" + escape(key.colour())
          + "\",version=\"" + escape(key.version()) + "\"";
    }
  }

  private interface Field {
    long of(SlotMetrics.Totals totals);
  }

  private static void counter(StringBuilder out, String name, String help, List<Labelled> series, Field field) {
    header(out, name, help, "counter");
    for (Labelled s : series) {
      out.append(name).append('{').append(s.labels()).append("} ")
          .append(field.of(s.totals())).append('\n');
    }
  }

  private static void histogram(StringBuilder out, String name, List<Labelled> series) {
    header(out, name, "Time a slot took to answer a request.", "histogram");
    double[] bounds = LatencyHistogram.BOUNDS_SECONDS;
    for (Labelled s : series) {
      long[] buckets = s.totals().cumulativeBuckets();
      for (int i = 0; i <= bounds.length; i++) {
        String le = i < bounds.length ? number(bounds[i]) : "+Inf";
        out.append(name).append("_bucket{").append(s.labels()).append(",le=\"").append(le)
            .append("\"} ").append(buckets[i]).append('\n');
      }
      out.append(name).append("_sum{").append(s.labels()).append("} ")
          .append(number(s.totals().sumSeconds())).append('\n');
      out.append(name).append("_count{").append(s.labels()).append("} ")
          .append(buckets[bounds.length]).append('\n');
    }
  }

  private static void header(StringBuilder out, String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  /** Plain decimal notation (no exponent), which every exposition parser accepts. */
  static String number(double value) {
    return new BigDecimal(String.format(Locale.ROOT, "%.6f", value))
        .stripTrailingZeros().toPlainString();
  }

  /** Label value escaping per the exposition format: backslash, double quote, newline. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
