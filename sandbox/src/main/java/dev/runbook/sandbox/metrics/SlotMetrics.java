package dev.runbook.sandbox.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Counters of one release on one slot: cumulative totals for Prometheus and a ten-minute sliding
 * window for the stats API, updated together under one lock so they never disagree.
 *
 * <p>A single lock is plenty at the sandbox's rates and keeps a scrape consistent (the +Inf bucket
 * always equals the count).
 */
public final class SlotMetrics {

  /** Probes run every second and time out after five; older than this, the slot is not probed. */
  static final long PROBE_FRESH_MILLIS = 10_000;

  private final SeriesKey key;
  private final LongSupplier clockMillis;
  private final LatencyHistogram histogram = new LatencyHistogram();
  private final SlidingWindow window = new SlidingWindow();
  private long requests;
  private long errors;
  private long complaints;
  private long healthChecks;
  private long healthFailures;
  private final TreeMap<Integer, Long> byCode = new TreeMap<>();
  private long lastProbeMillis = -1;
  private boolean lastProbeHealthy;

  SlotMetrics(SeriesKey key, LongSupplier clockMillis) {
    this.key = key;
    this.clockMillis = clockMillis;
  }

  public SeriesKey key() {
    return key;
  }

  /** One answered request: its latency, whether it was a 5xx (counted as 500), whether the user complained. */
  public void recordRequest(double latencyMs, boolean error, boolean complaint) {
    recordRequest(latencyMs, error ? 500 : 200, complaint);
  }

  /** One answered request with the HTTP status it got; 5xx counts as an error. */
  public synchronized void recordRequest(double latencyMs, int code, boolean complaint) {
    boolean error = code >= 500;
    SecondBucket bucket = window.bucket(nowSecond());
    requests++;
    byCode.merge(code, 1L, Long::sum);
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
    lastProbeMillis = clockMillis.getAsLong();
    lastProbeHealthy = healthy;
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
        histogram.cumulativeCounts(), histogram.sumSeconds(), Map.copyOf(byCode), probeNow());
  }

  /**
   * The last probe's result as blackbox's {@code probe_success} would report it (1 or 0), or null
   * when the slot was not probed lately: a stopped slot's last answer must not look current.
   */
  private Integer probeNow() {
    if (lastProbeMillis < 0 || clockMillis.getAsLong() - lastProbeMillis > PROBE_FRESH_MILLIS) {
      return null;
    }
    return lastProbeHealthy ? 1 : 0;
  }

  private long nowSecond() {
    return Math.floorDiv(clockMillis.getAsLong(), 1000L);
  }

  /**
   * Cumulative counters of one series.
   *
   * @param cumulativeBuckets counts per {@link #bucketBoundsSeconds()} bound, last entry is +Inf
   * @param byCode answered requests per HTTP status code
   * @param probeSuccess the last probe's result (1/0), null when not probed lately
   */
  public record Totals(
      long requests,
      long errors,
      long complaints,
      long healthChecks,
      long healthFailures,
      long[] cumulativeBuckets,
      double sumSeconds,
      Map<Integer, Long> byCode,
      Integer probeSuccess) {}

  /** Histogram bucket bounds in seconds (the +Inf bucket is implicit). */
  public static double[] bucketBoundsSeconds() {
    return LatencyHistogram.BOUNDS_SECONDS.clone();
  }
}
