package dev.runbook.sandbox.metrics;

/** What the sandbox counts per lesson version; the ordinal is the slot in a {@link CounterRing} row. */
public enum LessonCounter {
  /** A learner opened the version (every session and every review, rendered or not). */
  OPENS,
  /** The version could not be shown: market data missing, or content that does not validate. */
  RENDER_ERRORS,
  /** A session on the version ended with the lesson completed. */
  COMPLETED,
  /** A session on the version ended before the quiz (including every render error). */
  ABANDONED,
  FEEDBACK_POSITIVE,
  FEEDBACK_NEGATIVE,
  /** A learner in progress on this version was restarted on another because it was withdrawn. */
  RESTARTS
}
