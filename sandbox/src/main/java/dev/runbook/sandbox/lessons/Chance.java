package dev.runbook.sandbox.lessons;

import dev.runbook.sandbox.support.RandomSource;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The learners' dice. Seeded from the sandbox seed (through {@link RandomSource}, so the seed mixing
 * is the sandbox's usual one) and used by the single session thread only, so a seeded run against
 * the same store content takes the same decisions in the same order.
 */
public final class Chance {

  private final SplittableRandom random;

  private Chance(SplittableRandom random) {
    this.random = random;
  }

  public static Chance forLearners(Long seed) {
    if (seed == null) {
      return new Chance(new SplittableRandom());
    }
    long derived = RandomSource.forComponent(seed, "learners").draw(r -> r.nextLong());
    return new Chance(new SplittableRandom(derived));
  }

  public static Chance seeded(long seed) {
    return new Chance(new SplittableRandom(seed));
  }

  /** True with probability {@code p}. */
  public boolean happens(double p) {
    return random.nextDouble() < p;
  }

  /** Uniform in {@code [1, max]}. */
  public int between1And(int max) {
    return 1 + random.nextInt(max);
  }

  public <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
