package dev.runbook.sandbox.metrics;

import java.util.function.LongSupplier;

/**
 * Counters of one release on one slot: cumulative totals for Prometheus and a ten-minute sliding
 * window for the stats API, updated together under one lock so they never disagree.
 *
 * <p>A single lock is plenty at the sandbox's rates and keeps a scrape consistent (the +Inf bucket
 * always equals the count).
 */
public final class SlotMetrics {

  private final SeriesKey key;
  private final LongSupplier clockMillis;
  private final LatencyHistogram histogram = new LatencyHistogram();
  private final SlidingWindow window = new SlidingWindow();
  private long requests;
  private long errors;
  private long complaints;
  private long healthChecks;
  private long healthFailures;

  SlotMetrics(SeriesKey key, LongSupplier clockMillis) {
    this.key = key;
    this.clockMillis = clockMillis;
  }

  public SeriesKey key() {
    return key;
  }

  /** One answered request: its latency, whether it was a 5xx, whether the user complained. */
  public synchronized void recordRequest(double latencyMs, boolean error, boolean complaint) {
    SecondBucket bucket = window.bucket(nowSecond());
    requests++;
    bucket.requests++;
    if (error) {
      errors++;
      bucket.errors++;
    }
    if (complaint) {
      complaints++;
      bucket.complaints++;
    }
    histogram.record(latencyMs / 1000.0);
    bucket.addLatency(latencyMs);
  }

  /** One health probe and whether it passed. */
  public synchronized void recordHealthCheck(boolean healthy) {
    SecondBucket bucket = window.bucket(nowSecond());
    healthChecks++;
    bucket.healthChecks++;
    if (!healthy) {
      healthFailures++;
      bucket.healthFailures++;
    }
  }

  /** What happened over the last {@code lookbackSeconds} (1..600), the current second included. */
  public synchronized WindowStats window(int lookbackSeconds) {
    if (lookbackSeconds < 1 || lookbackSeconds > SlidingWindow.MAX_LOOKBACK_SECONDS) {
      throw new IllegalArgumentException("lookback must be 1.." + SlidingWindow.MAX_LOOKBACK_SECONDS);
    }
    return window.summarize(nowSecond(), lookbackSeconds);
  }

  /** Everything since the series was created, for the Prometheus exposition. */
  public synchronized Totals totals() {
    return new Totals(requests, errors, complaints, healthChecks, healthFailures,
        histogram.cumulativeCounts(), histogram.sumSeconds());
  }

  private long nowSecond() {
    return Math.floorDiv(clockMillis.getAsLong(), 1000L);
  }

  /**
   * Cumulative counters of one series.
   *
   * @param cumulativeBuckets counts per {@link #bucketBoundsSeconds()} bound, last entry is +Inf
   */
  public record Totals(
      long requests,
      long errors,
      long complaints,
      long healthChecks,
      long healthFailures,
      long[] cumulativeBuckets,
      double sumSeconds) {}

  /** Histogram bucket bounds in seconds (the +Inf bucket is implicit). */
  public static double[] bucketBoundsSeconds() {
    return LatencyHistogram.BOUNDS_SECONDS.clone();
  }
}
