package dev.runbook.sandbox.instance;

import java.util.random.RandomGenerator;

/**
 * Request latency as a log-normal distribution fitted to a release's p50 and p95.
 *
 * <p>Why log-normal: service latencies are right-skewed, and two percentiles determine it exactly
 * (median = p50, sigma = ln(p95/p50) / z<sub>0.95</sub>), so the p95 the sandbox measures comes out
 * at the catalog's {@code p95Ms}. Samples are capped at five times p95 so one freak draw cannot
 * hold a thread for minutes; the cap lies far above p95 and does not move it.
 */
public final class LatencyModel {

  /** Standard normal quantile of 0.95. */
  static final double Z_95 = 1.6448536269514722;

  /** Smallest median used, so a p50 of 0 still gives a well-defined distribution. */
  private static final double MIN_MEDIAN_MS = 0.1;

  private final double medianMs;
  private final double sigma;
  private final double capMs;
  private final boolean instant;

  public LatencyModel(double p50Ms, double p95Ms) {
    this.instant = p95Ms <= 0;
    this.medianMs = Math.max(p50Ms, MIN_MEDIAN_MS);
    this.sigma = p95Ms > medianMs ? Math.log(p95Ms / medianMs) / Z_95 : 0;
    this.capMs = Math.max(p95Ms, medianMs) * 5;
  }

  /** One latency in milliseconds; always consumes exactly one Gaussian draw. */
  public double sampleMs(RandomGenerator random) {
    double z = random.nextGaussian();
    if (instant) {
      return 0;
    }
    return Math.min(medianMs * Math.exp(sigma * z), capMs);
  }
}
