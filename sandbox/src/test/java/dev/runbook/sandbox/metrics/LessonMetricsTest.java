package dev.runbook.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LessonMetricsTest {

  @Test
  void windowsForgetOldSecondsWhileTotalsKeepEverything() {
    AtomicLong clock = new AtomicLong(1_000_000);
    LessonMetricsRegistry registry = new LessonMetricsRegistry(clock::get);
    LessonMetrics v2 = registry.version("lesson", "2.0");
    v2.record(LessonCounter.OPENS);
    v2.record(LessonCounter.RENDER_ERRORS);
    clock.addAndGet(30_000);
    v2.record(LessonCounter.OPENS);
    v2.record(LessonCounter.COMPLETED);

    assertThat(v2.window(10)).isEqualTo(new LessonCounts(1, 0, 1, 0, 0, 0, 0));
    assertThat(v2.window(60)).isEqualTo(new LessonCounts(2, 1, 1, 0, 0, 0, 0));
    assertThat(v2.totals()).isEqualTo(new LessonCounts(2, 1, 1, 0, 0, 0, 0));
    clock.addAndGet(700_000);
    assertThat(v2.window(600)).isEqualTo(LessonCounts.ZERO);
    assertThat(v2.totals().opens()).isEqualTo(2);
    assertThat(registry.find("lesson", "2.0.0")).containsSame(v2);
    assertThat(registry.versionsSeen("lesson")).containsExactly("2.0.0");
  }

  @Test
  void versionsSortAsVersionsNotAsText() {
    LessonMetricsRegistry registry = new LessonMetricsRegistry(() -> 0L);
    registry.version("l", "10.0.0");
    registry.version("l", "2.0.0");
    registry.version("l", "1.10.0");

    assertThat(registry.versionsSeen("l")).containsExactly("1.10.0", "2.0.0", "10.0.0");
  }

  @Test
  void rendersTheLessonFamiliesWithLessonAndVersionLabels() {
    LessonMetricsRegistry registry = new LessonMetricsRegistry(() -> 0L);
    LessonMetrics m = registry.version("stock_basics_001", "2.0.0");
    m.record(LessonCounter.OPENS);
    m.record(LessonCounter.ABANDONED);
    m.record(LessonCounter.FEEDBACK_NEGATIVE);

    String text = LessonPrometheusWriter.render(registry.all());

    String labels = "lesson=\"stock_basics_001\",version=\"2.0.0\"";
    assertThat(text).contains(
        "# TYPE sandbox_lesson_opens_total counter\n",
        "sandbox_lesson_opens_total{" + labels + "} 1\n",
        "sandbox_lesson_render_errors_total{" + labels + "} 0\n",
        "# TYPE sandbox_lesson_sessions_total counter\n",
        "sandbox_lesson_sessions_total{" + labels + ",result=\"completed\"} 0\n",
        "sandbox_lesson_sessions_total{" + labels + ",result=\"abandoned\"} 1\n",
        "sandbox_lesson_feedback_total{" + labels + ",sentiment=\"positive\"} 0\n",
        "sandbox_lesson_feedback_total{" + labels + ",sentiment=\"negative\"} 1\n",
        "sandbox_lesson_restarts_total{" + labels + "} 0\n",
        // the names the built-in lesson PromQL reads
        "# TYPE lesson_opens_total counter\n",
        "lesson_opens_total{" + labels + "} 1\n",
        "lesson_render_errors_total{" + labels + "} 0\n",
        "lesson_sessions_total{" + labels + ",result=\"completed\"} 0\n",
        "lesson_feedback_total{" + labels + ",sentiment=\"negative\"} 1\n");
  }
}
