package dev.runbook.sandbox.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The validated release catalog: every service the sandbox hosts and the releases it can deploy.
 * Immutable, so every component can share it without coordination.
 */
public record Catalog(Map<String, ServiceSpec> services) {

  public Catalog {
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
  }

  public Optional<ServiceSpec> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Services in catalog order, so listings are stable across runs. */
  public Collection<ServiceSpec> all() {
    return services.values();
  }
}
