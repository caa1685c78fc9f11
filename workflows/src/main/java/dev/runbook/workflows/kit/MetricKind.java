package dev.runbook.workflows.kit;

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
  /** Any PromQL expression given in the rule's query (Prometheus sources only). */
  CUSTOM
}
