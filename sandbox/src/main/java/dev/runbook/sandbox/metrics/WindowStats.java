package dev.runbook.sandbox.metrics;

/**
 * What one slot saw over a recent window of seconds.
 *
 * @param p95Ms 95th percentile latency (nearest rank), or {@code null} when there were no requests:
 *              an empty window must never look like a fast one
 */
public record WindowStats(
    long requests,
    long errors,
    Double p95Ms,
    long healthChecks,
    long healthFailures,
    long complaints) {

  /** The empty window, e.g. of a slot that has never run a release. */
  public static final WindowStats EMPTY = new WindowStats(0, 0, null, 0, 0, 0);

  /** Errors as a percentage of requests, two decimals, or {@code null} when there were none. */
  public Double errorRatePercent() {
    if (requests == 0) {
      return null;
    }
    return Math.round(10_000.0 * errors / requests) / 100.0;
  }
}
