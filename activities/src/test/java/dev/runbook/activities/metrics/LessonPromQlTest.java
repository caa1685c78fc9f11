package dev.runbook.activities.metrics;

import static dev.runbook.activities.metrics.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.activities.support.FakeHttpServer;
import dev.runbook.activities.support.FakeHttpServer.Response;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchRule;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Default PromQL of the lesson rules: the watch passes the lesson id as the service and the version
 * as the colour, and the stable baseline without a version, so the queries select on the colour.
 */
class LessonPromQlTest {
  private static final String SEL = "lesson=\"stock_basics_001\",version=\"2.0.0\"";
  private FakeHttpServer prometheus;

  @AfterEach
  void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private static String render(String template) {
    return PromQl.render(template, "stock_basics_001", "production", "2.0.0", null, 30);
  }

  private static WatchRule lessonRule(MetricKind kind) {
    return rule("r", kind, 5, 0, RuleAction.ROLLBACK);
  }

  @Test
  void errorRateIsRenderErrorsOverOpens() {
    WatchRule rule = lessonRule(MetricKind.LESSON_ERROR_RATE_PERCENT);
    assertThat(render(PromQl.valueQuery(rule))).isEqualTo("100 * sum(rate(lesson_render_errors_total{" + SEL
        + "}[30s])) / sum(rate(lesson_opens_total{" + SEL + "}[30s]))");
    assertThat(render(PromQl.samplesQuery(rule))).isEqualTo("sum(increase(lesson_opens_total{" + SEL + "}[30s]))");
  }

  @Test
  void completionRateIsCompletedSessionsOverAllSessions() {
    WatchRule rule = lessonRule(MetricKind.LESSON_COMPLETION_RATE_PERCENT);
    assertThat(render(PromQl.valueQuery(rule))).isEqualTo("100 * sum(rate(lesson_sessions_total{" + SEL
        + ",result=\"completed\"}[30s])) / sum(rate(lesson_sessions_total{" + SEL + "}[30s]))");
    assertThat(render(PromQl.samplesQuery(rule))).isEqualTo("sum(increase(lesson_sessions_total{" + SEL + "}[30s]))");
  }

  @Test
  void negativeFeedbackIsNegativeOverAllFeedback() {
    WatchRule rule = lessonRule(MetricKind.LESSON_NEGATIVE_FEEDBACK_PERCENT);
    assertThat(render(PromQl.valueQuery(rule))).isEqualTo("100 * sum(rate(lesson_feedback_total{" + SEL
        + ",sentiment=\"negative\"}[30s])) / sum(rate(lesson_feedback_total{" + SEL + "}[30s]))");
    assertThat(render(PromQl.samplesQuery(rule))).isEqualTo("sum(increase(lesson_feedback_total{" + SEL + "}[30s]))");
  }

  @Test
  void theStableBaselineIsReadByVersionAsColour() throws Exception {
    prometheus = new FakeHttpServer(r -> new Response(200, "{\"status\":\"success\",\"data\":{\"resultType\":"
        + "\"vector\",\"result\":[{\"metric\":{},\"value\":[1763700000,\"" + (r.param("query").startsWith("100 *")
        ? "91.5" : "240") + "\"]}]}}"));
    PrometheusMetricSource source = new PrometheusMetricSource(prometheus.uri(), HttpClient.newHttpClient(),
        Clock.fixed(Instant.ofEpochMilli(1_763_700_010_000L), ZoneOffset.UTC));

    MetricReading stable = source.read(lessonRule(MetricKind.LESSON_COMPLETION_RATE_PERCENT), "stock_basics_001",
        "production", "1.2.0", null);

    assertThat(stable).isEqualTo(MetricReading.of(91.5, 240, 1_763_700_000_000L));
    assertThat(prometheus.requests().get(0).param("query"))
        .contains("lesson=\"stock_basics_001\",version=\"1.2.0\",result=\"completed\"");
  }
}
