package dev.runbook.sandbox.lessons;

import dev.runbook.sandbox.metrics.LessonCounts;

/**
 * A lesson version's numbers over a recent window, as a lesson rollout's watch rules read them
 * ({@code GET /api/lessons/{lessonId}/versions/{version}/stats}). The rates are percentages with
 * two decimals and null when their denominator is 0: a version nobody opened must never look healthy.
 *
 * @param renderErrors opens that failed to render (missing market data, content that does not validate)
 * @param sessionsEnded sessions on the version that ended, completed or abandoned (retakes by learners who completed the lesson included)
 * @param restarts learners in progress on this version restarted on another because it was withdrawn
 */
public record LessonVersionStats(
    String lessonId,
    String version,
    long asOfMillis,
    int lookbackSeconds,
    long opens,
    long renderErrors,
    Double errorRatePercent,
    long sessionsEnded,
    long completions,
    Double completionRatePercent,
    long feedback,
    long negativeFeedback,
    Double negativeFeedbackPercent,
    long restarts) {

  static LessonVersionStats of(String lessonId, String version, long asOfMillis, int lookbackSeconds, LessonCounts c) {
    return new LessonVersionStats(lessonId, version, asOfMillis, lookbackSeconds, c.opens(), c.renderErrors(),
        percent(c.renderErrors(), c.opens()), c.sessionsEnded(), c.completed(), percent(c.completed(), c.sessionsEnded()),
        c.feedback(), c.feedbackNegative(), percent(c.feedbackNegative(), c.feedback()), c.restarts());
  }

  private static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 100.0;
  }
}
