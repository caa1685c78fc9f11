package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.MetricReading;

/**
 * A scripted metric series: what the metric source answers for sample {@code i}, read at virtual
 * time {@code nowMillis}. The factories cover healthy values, breaches and every kind of unusable
 * data (NaN, empty, stale, failed, too few samples).
 */
@FunctionalInterface
public interface Series {
  long SAMPLES = 1_000;

  MetricReading at(int i, long nowMillis);

  static Series constant(double value) {
    return (i, now) -> MetricReading.of(value, SAMPLES, now);
  }

  /** {@code base} everywhere except sample {@code at}, which reads {@code spike}. */
  static Series blip(double base, int at, double spike) {
    return (i, now) -> MetricReading.of(i == at ? spike : base, SAMPLES, now);
  }

  /** {@code base} before sample {@code from}, {@code value} from then on. */
  static Series stepUp(double base, int from, double value) {
    return (i, now) -> MetricReading.of(i >= from ? value : base, SAMPLES, now);
  }

  static Series nan() {
    return (i, now) -> MetricReading.of(Double.NaN, SAMPLES, now);
  }

  /** The query matched no series: no value, no error. */
  static Series empty() {
    return (i, now) -> new MetricReading(null, 0, now, null);
  }

  /** A value the source computed ten minutes ago (a scrape target that stopped reporting). */
  static Series stale(double value) {
    return (i, now) -> MetricReading.of(value, SAMPLES, now - 600_000);
  }

  /** The metric source is down (HTTP 5xx). */
  static Series failed() {
    return (i, now) -> MetricReading.failed("HTTP 503 Service Unavailable from http://prometheus:9090/api/v1/query", now);
  }

  /** A value computed over {@code samples} requests only. */
  static Series lowSamples(double value, long samples) {
    return (i, now) -> MetricReading.of(value, samples, now);
  }
}
