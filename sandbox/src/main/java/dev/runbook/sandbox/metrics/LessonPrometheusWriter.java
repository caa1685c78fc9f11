package dev.runbook.sandbox.metrics;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The lesson families of {@code /metrics}, appended after the slot families. Labels are lesson id
 * and version (bounded: a few lessons with a few versions each), never learner ids. The opens,
 * render errors, sessions and feedback families come twice: as {@code sandbox_lesson_*} and under
 * the {@code lesson_*} names the runbooks' built-in lesson PromQL reads, so a real Prometheus
 * scraping the sandbox judges lesson rollouts too.
 */
public final class LessonPrometheusWriter {

  private record Series(LessonSeriesKey key, LessonCounts totals) {
    String labels() {
      return "lesson=\"" + PrometheusWriter.escape(key.lessonId()) + "\",version=\""
          + PrometheusWriter.escape(key.version()) + "\"";
    }
  }

  private LessonPrometheusWriter() {}

  public static String render(List<LessonMetrics> lessons) {
    List<Series> series = lessons.stream().map(m -> new Series(m.key(), m.totals())).toList();
    StringBuilder out = new StringBuilder(1024);
    for (String prefix : List.of("sandbox_lesson_", "lesson_")) {
      counter(out, prefix + "opens_total", "Lesson versions opened by simulated learners.", series,
          null, LessonCounts::opens);
      counter(out, prefix + "render_errors_total", "Lesson opens that could not be rendered.", series,
          null, LessonCounts::renderErrors);
      header(out, prefix + "sessions_total", "Learner sessions that ended, by result.");
      samples(out, prefix + "sessions_total", series, "result=\"completed\"", LessonCounts::completed);
      samples(out, prefix + "sessions_total", series, "result=\"abandoned\"", LessonCounts::abandoned);
      header(out, prefix + "feedback_total", "Feedback learners gave, by sentiment.");
      samples(out, prefix + "feedback_total", series, "sentiment=\"positive\"", LessonCounts::feedbackPositive);
      samples(out, prefix + "feedback_total", series, "sentiment=\"negative\"", LessonCounts::feedbackNegative);
    }
    counter(out, "sandbox_lesson_restarts_total",
        "Learners in progress on a withdrawn version who were restarted on another.", series, null,
        LessonCounts::restarts);
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, List<Series> series, String extra,
      ToLongFunction<LessonCounts> field) {
    header(out, name, help);
    samples(out, name, series, extra, field);
  }

  private static void header(StringBuilder out, String name, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
  }

  private static void samples(StringBuilder out, String name, List<Series> series, String extra,
      ToLongFunction<LessonCounts> field) {
    for (Series s : series) {
      out.append(name).append('{').append(s.labels());
      if (extra != null) {
        out.append(',').append(extra);
      }
      out.append("} ").append(field.applyAsLong(s.totals())).append('\n');
    }
  }
}
