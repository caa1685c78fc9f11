package dev.runbook.sandbox.instance;

import dev.runbook.sandbox.catalog.ReleaseSpec;
import java.util.random.RandomGenerator;

/**
 * Decides, per request, what a release does: how long it takes, whether it fails, whether the user
 * complains. Pure given the random numbers, so it is tested without HTTP.
 */
public final class ReleaseBehaviour {

  /** The fate of one request. */
  public record Plan(double latencyMs, boolean fail, boolean complain) {}

  private final ReleaseSpec release;
  private final LatencyModel latency;

  public ReleaseBehaviour(ReleaseSpec release) {
    this.release = release;
    this.latency = new LatencyModel(release.p50Ms(), release.p95Ms());
  }

  public ReleaseSpec release() {
    return release;
  }

  /**
   * Draws a plan. Always takes the same amount of randomness (one Gaussian, two uniforms) so that a
   * seeded run gives the same outcomes whatever the request order. A down release fails everything.
   */
  public Plan plan(RandomGenerator random) {
    double latencyMs = latency.sampleMs(random);
    boolean fail = random.nextDouble() < release.errorRate();
    boolean complain = random.nextDouble() < release.complaintRate();
    return new Plan(latencyMs, fail || !release.healthy(), complain);
  }
}
