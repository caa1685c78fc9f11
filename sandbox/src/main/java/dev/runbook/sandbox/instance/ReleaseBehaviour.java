package dev.runbook.sandbox.instance;

import dev.runbook.sandbox.catalog.ReleaseSpec;
import java.util.random.RandomGenerator;

/**
 * Decides, per request, what a release does under its instance's config: how long it takes,
 * whether it fails, whether the user complains. Pure given the random numbers, so it is tested
 * without HTTP.
 */
public final class ReleaseBehaviour {

  /** The fate of one request; {@code timedOut} requests fail with 504 after the configured timeout. */
  public record Plan(double latencyMs, boolean fail, boolean complain, boolean timedOut) {
    public Plan(double latencyMs, boolean fail, boolean complain) {
      this(latencyMs, fail, complain, false);
    }
  }

  private final ReleaseSpec release;
  private final LatencyModel latency;
  private final InstanceSettings settings;

  public ReleaseBehaviour(ReleaseSpec release) {
    this(release, InstanceSettings.DEFAULTS);
  }

  public ReleaseBehaviour(ReleaseSpec release, InstanceSettings settings) {
    this.release = release;
    this.latency = new LatencyModel(release.p50Ms(), release.p95Ms());
    this.settings = settings;
  }

  public ReleaseSpec release() {
    return release;
  }

  /** Down when the release is, or when the instance cannot run its config. */
  public boolean healthy() {
    return release.healthy() && settings.valid();
  }

  /**
   * Draws a plan. Always takes the same amount of randomness (one Gaussian, two uniforms) so that a
   * seeded run gives the same outcomes whatever the request order. A down release fails everything.
   */
  public Plan plan(RandomGenerator random) {
    double latencyMs = latency.sampleMs(random);
    boolean fail = random.nextDouble() < release.errorRate();
    boolean complain = random.nextDouble() < release.complaintRate();
    Integer timeout = settings.requestTimeoutMs();
    if (healthy() && timeout != null && latencyMs > timeout) {
      return new Plan(timeout, true, complain, true);
    }
    return new Plan(latencyMs, fail || !healthy() || settings.featureBroken(), complain, false);
  }
}
