package dev.runbook.sandbox.support;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Where the sandbox's simulated chance comes from: which request fails, how long it takes, which
 * colour the router picks.
 *
 * <p>Unseeded (the default) it is {@link ThreadLocalRandom}, contention-free. Seeded it is one
 * generator per component behind a lock, and each {@link #draw} takes all its numbers under that
 * lock, so N requests always see the same N outcomes whatever the thread interleaving: tests of
 * statistical behaviour become reproducible.
 */
public interface RandomSource {

  /** Runs {@code draw} with exclusive use of the generator and returns its result. */
  <T> T draw(Function<RandomGenerator, T> draw);

  /** Uniform integer in {@code [0, bound)}. */
  default int nextInt(int bound) {
    return draw(random -> random.nextInt(bound));
  }

  /** The source for one component: seeded from {@code seed} and the component's name, or not. */
  static RandomSource forComponent(Long seed, String component) {
    if (seed == null) {
      return new ThreadLocalSource();
    }
    return new SeededSource(seed * 0x9E3779B97F4A7C15L + component.hashCode());
  }

  /** Contention-free and unseeded. */
  final class ThreadLocalSource implements RandomSource {
    @Override
    public <T> T draw(Function<RandomGenerator, T> draw) {
      return draw.apply(ThreadLocalRandom.current());
    }
  }

  /** Reproducible: one generator, one draw at a time. */
  final class SeededSource implements RandomSource {
    private final SplittableRandom random;

    SeededSource(long seed) {
      this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized <T> T draw(Function<RandomGenerator, T> draw) {
      return draw.apply(random);
    }
  }
}
