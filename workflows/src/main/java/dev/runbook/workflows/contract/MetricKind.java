package dev.runbook.workflows.contract;

/** What a watch rule measures on a colour. Units are part of the name. */
public enum MetricKind {
  /** Share of failed requests in the lookback, in percent (5 means 5%). */
  ERROR_RATE_PERCENT,
  /** 95th percentile latency over the lookback, in milliseconds. */
  LATENCY_P95_MS,
  /** Failed health probes in the lookback (count). */
  HEALTH_CHECK_FAILURES,
  /** User complaints in the lookback (count). */
  COMPLAINTS,
  /** Lesson opens that failed to render or load, in percent of opens (a lesson's "colour" is its version). */
  LESSON_ERROR_RATE_PERCENT,
  /** Lesson sessions that ended in a completion, in percent of sessions that ended. */
  LESSON_COMPLETION_RATE_PERCENT,
  /** Negative feedback, in percent of the feedback given on the version. */
  LESSON_NEGATIVE_FEEDBACK_PERCENT,
  /** Any PromQL expression given in the rule's query (Prometheus sources only). */
  CUSTOM
}
