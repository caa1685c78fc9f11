package dev.runbook.sandbox.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of the catalog: the releases it can run, which one is live at start and how much
 * background traffic the load generator sends it.
 *
 * @param name     service name, also the router path segment ({@code /svc/{name}/...})
 * @param live     the release that runs on the blue slot with 100% of traffic at start
 * @param rps      requests per second the load generator sends through the router (0 = none)
 * @param releases releases by version, in catalog order
 * @param instances instances per colour (at least 1); a rolling deploy replaces them in batches
 */
public record ServiceSpec(String name, String live, double rps, Map<String, ReleaseSpec> releases, int instances) {

  public ServiceSpec {
    releases = Collections.unmodifiableMap(new LinkedHashMap<>(releases));
    if (instances < 1) {
      throw new IllegalArgumentException("a service runs at least 1 instance per colour, got " + instances);
    }
  }

  /** One instance per colour. */
  public ServiceSpec(String name, String live, double rps, Map<String, ReleaseSpec> releases) {
    this(name, live, rps, releases, 1);
  }

  /** The release called {@code version}, if the catalog has it. */
  public Optional<ReleaseSpec> release(String version) {
    return Optional.ofNullable(releases.get(version));
  }

  /** Every version in catalog order, for error messages that tell the caller what exists. */
  public List<String> versions() {
    return List.copyOf(releases.keySet());
  }
}
