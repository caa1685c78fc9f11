package dev.runbook.sandbox.metrics;

import java.util.Comparator;

/**
 * Identity of one metrics series: a release running on one colour of one service.
 *
 * <p>The version is part of the key so a redeploy never mixes the numbers of two releases: the
 * canary's error rate is the new release's error rate and nothing else.
 */
public record SeriesKey(String service, String colour, String version) implements Comparable<SeriesKey> {

  private static final Comparator<SeriesKey> ORDER = Comparator.comparing(SeriesKey::service)
      .thenComparing(SeriesKey::colour)
      .thenComparing(SeriesKey::version);

  @Override
  public int compareTo(SeriesKey other) {
    return ORDER.compare(this, other);
  }
}
