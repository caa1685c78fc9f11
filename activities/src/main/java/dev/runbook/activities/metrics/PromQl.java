package dev.runbook.activities.metrics;

import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.WatchRule;
import java.util.Map;

/**
 * PromQL for watch rules: the default query per {@link MetricKind} (used when a rule has no {@code
 * query}) and placeholder substitution. The defaults assume the common instrumentation names
 * ({@code http_requests_total} with a {@code code} label, {@code
 * http_request_duration_seconds_bucket}, blackbox {@code probe_success}) labelled with {@code
 * service}, {@code colour} and {@code version}; a team with other names sets {@code query}/{@code
 * samplesQuery}. They select a deployment by colour and version, never by colour alone: a release
 * deployed right after another on the same colour must not be judged by the previous one's
 * requests still inside the lookback.
 *
 * <p>Lesson metrics are labelled {@code lesson} and {@code version}. A lesson watch passes the
 * lesson id as the service and the version as the colour; the defaults select the version through
 * {@code {colour}} because the stable baseline is read without a {@code {version}}.
 */
public final class PromQl {
  private static final String SEL = "service=\"{service}\",colour=\"{colour}\",version=\"{version}\"";

  /**
   * A release without a single 5xx has no 5xx series at all (client libraries export the codes
   * they saw), so the numerator falls back to 0; no requests at all still gives no series.
   */
  static final String ERROR_RATE =
      "100 * (sum(rate(http_requests_total{" + SEL + ",code=~\"5..\"}[{lookback}])) or vector(0))"
          + " / sum(rate(http_requests_total{" + SEL + "}[{lookback}]))";
  static final String LATENCY_P95 =
      "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{" + SEL + "}[{lookback}]))) * 1000";
  static final String HEALTH_FAILURES =
      "sum(count_over_time(probe_success{" + SEL + "}[{lookback}])) - sum(sum_over_time(probe_success{" + SEL + "}[{lookback}]))";
  static final String HEALTH_PROBES = "sum(count_over_time(probe_success{" + SEL + "}[{lookback}]))";
  static final String COMPLAINTS = "sum(increase(user_complaints_total{" + SEL + "}[{lookback}]))";
  static final String REQUESTS = "sum(increase(http_requests_total{" + SEL + "}[{lookback}]))";

  private static final String LESSON = "lesson=\"{service}\",version=\"{colour}\"";
  static final String LESSON_ERROR_RATE =
      "100 * sum(rate(lesson_render_errors_total{" + LESSON + "}[{lookback}]))"
          + " / sum(rate(lesson_opens_total{" + LESSON + "}[{lookback}]))";
  static final String LESSON_OPENS = "sum(increase(lesson_opens_total{" + LESSON + "}[{lookback}]))";
  static final String LESSON_COMPLETION_RATE =
      "100 * sum(rate(lesson_sessions_total{" + LESSON + ",result=\"completed\"}[{lookback}]))"
          + " / sum(rate(lesson_sessions_total{" + LESSON + "}[{lookback}]))";
  static final String LESSON_SESSIONS = "sum(increase(lesson_sessions_total{" + LESSON + "}[{lookback}]))";
  static final String LESSON_NEGATIVE_FEEDBACK =
      "100 * sum(rate(lesson_feedback_total{" + LESSON + ",sentiment=\"negative\"}[{lookback}]))"
          + " / sum(rate(lesson_feedback_total{" + LESSON + "}[{lookback}]))";
  static final String LESSON_FEEDBACK = "sum(increase(lesson_feedback_total{" + LESSON + "}[{lookback}]))";

  private PromQl() {}

  /** Whether a query template selects by {@code {version}}, which must then be known. */
  public static boolean needsVersion(String template) {
    return template != null && template.contains("{version}");
  }

  /** The rule's own query, else the default for its metric; null for a CUSTOM rule without one. */
  public static String valueQuery(WatchRule rule) {
    if (rule.query() != null && !rule.query().isBlank()) {
      return rule.query();
    }
    return switch (rule.metric()) {
      case ERROR_RATE_PERCENT -> ERROR_RATE;
      case LATENCY_P95_MS -> LATENCY_P95;
      case HEALTH_CHECK_FAILURES -> HEALTH_FAILURES;
      case COMPLAINTS -> COMPLAINTS;
      case LESSON_ERROR_RATE_PERCENT -> LESSON_ERROR_RATE;
      case LESSON_COMPLETION_RATE_PERCENT -> LESSON_COMPLETION_RATE;
      case LESSON_NEGATIVE_FEEDBACK_PERCENT -> LESSON_NEGATIVE_FEEDBACK;
      case CUSTOM -> null;
    };
  }

  /** The query counting what the value is computed over; null when unknown (samples -1). */
  public static String samplesQuery(WatchRule rule) {
    if (rule.samplesQuery() != null && !rule.samplesQuery().isBlank()) {
      return rule.samplesQuery();
    }
    return switch (rule.metric()) {
      case ERROR_RATE_PERCENT, LATENCY_P95_MS, COMPLAINTS -> REQUESTS;
      case HEALTH_CHECK_FAILURES -> HEALTH_PROBES;
      case LESSON_ERROR_RATE_PERCENT -> LESSON_OPENS;
      case LESSON_COMPLETION_RATE_PERCENT -> LESSON_SESSIONS;
      case LESSON_NEGATIVE_FEEDBACK_PERCENT -> LESSON_FEEDBACK;
      case CUSTOM -> null;
    };
  }

  /**
   * Substitutes {@code {service} {environment} {colour} {version} {lookback}}. Values are escaped
   * for a PromQL double-quoted string, so a label value can never end the string early; {@code
   * {lookback}} renders as a duration such as {@code 30s}.
   */
  public static String render(String template, String service, String environment, String colour, String version,
      long lookbackSeconds) {
    Map<String, String> values = Map.of(
        "{service}", escape(service),
        "{environment}", escape(environment),
        "{colour}", escape(colour),
        "{version}", escape(version),
        "{lookback}", lookbackSeconds + "s");
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    outer:
    while (i < template.length()) {
      if (template.charAt(i) == '{') {
        for (Map.Entry<String, String> e : values.entrySet()) {
          if (template.startsWith(e.getKey(), i)) {
            out.append(e.getValue());
            i += e.getKey().length();
            continue outer;
          }
        }
      }
      out.append(template.charAt(i++));
    }
    return out.toString();
  }

  private static String escape(String value) {
    return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
