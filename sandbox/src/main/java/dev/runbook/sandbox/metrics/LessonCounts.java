package dev.runbook.sandbox.metrics;

/** The counters of one lesson version, over a window or since the sandbox started. */
public record LessonCounts(
    long opens,
    long renderErrors,
    long completed,
    long abandoned,
    long feedbackPositive,
    long feedbackNegative,
    long restarts) {

  public static final LessonCounts ZERO = new LessonCounts(0, 0, 0, 0, 0, 0, 0);

  static LessonCounts of(long[] c) {
    return new LessonCounts(c[LessonCounter.OPENS.ordinal()], c[LessonCounter.RENDER_ERRORS.ordinal()],
        c[LessonCounter.COMPLETED.ordinal()], c[LessonCounter.ABANDONED.ordinal()],
        c[LessonCounter.FEEDBACK_POSITIVE.ordinal()], c[LessonCounter.FEEDBACK_NEGATIVE.ordinal()],
        c[LessonCounter.RESTARTS.ordinal()]);
  }

  public long sessionsEnded() {
    return completed + abandoned;
  }

  public long feedback() {
    return feedbackPositive + feedbackNegative;
  }
}
