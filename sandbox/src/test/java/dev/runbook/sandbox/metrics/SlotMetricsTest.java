package dev.runbook.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlotMetricsTest {

  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
  private final MetricsRegistry registry = new MetricsRegistry(clock::get);
  private final SlotMetrics slot = registry.slot("learning-api", "green", "v1.6.0");

  @Test
  void anEmptyWindowHasNoRatesRatherThanZeroes() {
    WindowStats stats = slot.window(30);

    assertThat(stats.requests()).isZero();
    assertThat(stats.errorRatePercent()).isNull();
    assertThat(stats.p95Ms()).isNull();
  }

  @Test
  void windowCountsOnlyTheLookbackWhileTotalsKeepEverything() {
    for (int i = 1; i <= 100; i++) {
      slot.recordRequest(i, i % 5 == 0, i == 1);
    }
    slot.recordHealthCheck(true);
    slot.recordHealthCheck(false);

    WindowStats now = slot.window(1);
    assertThat(now.requests()).isEqualTo(100);
    assertThat(now.errors()).isEqualTo(20);
    assertThat(now.errorRatePercent()).isEqualTo(20.0);
    assertThat(now.p95Ms()).isEqualTo(95.0);
    assertThat(now.complaints()).isEqualTo(1);
    assertThat(now.healthChecks()).isEqualTo(2);
    assertThat(now.healthFailures()).isEqualTo(1);

    clock.addAndGet(30_000);
    slot.recordRequest(5000, false, false);

    assertThat(slot.window(30).requests()).isEqualTo(1);
    assertThat(slot.window(30).p95Ms()).isEqualTo(5000.0);
    assertThat(slot.window(31).requests()).isEqualTo(101);
    assertThat(slot.totals().requests()).isEqualTo(101);
    assertThat(slot.totals().errors()).isEqualTo(20);
  }

  @Test
  void oldSecondsAreForgottenWhenTheRingWrapsAround() {
    slot.recordRequest(10, true, false);
    clock.addAndGet(601_000);
    slot.recordRequest(20, false, false);

    assertThat(slot.window(600).requests()).isEqualTo(1);
    assertThat(slot.window(600).errors()).isZero();
    assertThat(slot.totals().requests()).isEqualTo(2);
  }

  @Test
  void errorRateIsRoundedToTwoDecimals() {
    for (int i = 0; i < 3; i++) {
      slot.recordRequest(1, i == 0, false);
    }
    assertThat(slot.window(10).errorRatePercent()).isEqualTo(33.33);
  }

  @Test
  void histogramIsCumulativeAndEndsAtTheCount() {
    slot.recordRequest(3, false, false);
    slot.recordRequest(40, false, false);
    slot.recordRequest(2500, false, false);
    slot.recordRequest(60_000, false, false);

    long[] buckets = slot.totals().cumulativeBuckets();
    double[] bounds = SlotMetrics.bucketBoundsSeconds();
    assertThat(buckets).hasSize(bounds.length + 1);
    assertThat(buckets[0]).isEqualTo(1);                    // le=0.005
    assertThat(buckets[3]).isEqualTo(2);                    // le=0.05
    assertThat(buckets[9]).isEqualTo(3);                    // le=2.5 (inclusive)
    assertThat(buckets[bounds.length]).isEqualTo(4);        // +Inf
    assertThat(slot.totals().sumSeconds()).isEqualTo(62.543, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void lookbackOutsideTheWindowIsRefused() {
    assertThatThrownBy(() -> slot.window(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> slot.window(601)).isInstanceOf(IllegalArgumentException.class);
  }
}
