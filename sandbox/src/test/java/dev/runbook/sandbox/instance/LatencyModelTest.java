package dev.runbook.sandbox.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.runbook.sandbox.catalog.ReleaseSpec;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyModelTest {

  @Test
  void sampledPercentilesMatchTheCatalog() {
    assertPercentiles(35, 120);
    assertPercentiles(900, 3000);
    assertPercentiles(20, 20);
  }

  @Test
  void zeroLatencyIsInstant() {
    assertThat(new LatencyModel(0, 0).sampleMs(new SplittableRandom(1))).isZero();
  }

  @Test
  void behaviourFailsAtTheErrorRateAndADownReleaseFailsEverything() {
    SplittableRandom random = new SplittableRandom(7);
    ReleaseBehaviour flaky = new ReleaseBehaviour(new ReleaseSpec("v", true, 0.2, 10, 20, 0.05));
    int failures = 0;
    int complaints = 0;
    for (int i = 0; i < 20_000; i++) {
      ReleaseBehaviour.Plan plan = flaky.plan(random);
      failures += plan.fail() ? 1 : 0;
      complaints += plan.complain() ? 1 : 0;
    }
    assertThat(failures / 20_000.0).isCloseTo(0.2, within(0.015));
    assertThat(complaints / 20_000.0).isCloseTo(0.05, within(0.01));

    ReleaseBehaviour down = new ReleaseBehaviour(new ReleaseSpec("v", false, 0, 10, 20, 0));
    assertThat(down.plan(random).fail()).isTrue();
  }

  private static void assertPercentiles(double p50, double p95) {
    LatencyModel model = new LatencyModel(p50, p95);
    SplittableRandom random = new SplittableRandom(42);
    double[] samples = new double[50_000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = model.sampleMs(random);
    }
    Arrays.sort(samples);
    assertThat(samples[samples.length / 2]).as("p50 of %s/%s", p50, p95).isCloseTo(p50, within(p50 * 0.05));
    assertThat(samples[(int) (samples.length * 0.95)]).as("p95 of %s/%s", p50, p95).isCloseTo(p95, within(p95 * 0.05));
    assertThat(samples[samples.length - 1]).isLessThanOrEqualTo(p95 * 5);
  }
}
