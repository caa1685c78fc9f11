package dev.runbook.sandbox.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extra services for capacity benchmarks: {@code svc-0001} ... with learning-api's releases and no
 * load generator traffic. Runbooks can deploy and watch them like any other service; their slots
 * serve health checks and metrics, so a thousand of them cost memory, not CPU.
 */
public final class QuietServices {
  /** The service whose releases (healthy live one, bad ones for breach tests) every quiet service copies. */
  static final String MODEL = "learning-api";

  private QuietServices() {}

  /** {@code catalog} plus {@code count} quiet services; names the catalog already has are kept as they are. */
  public static Catalog extend(Catalog catalog, int count) {
    if (count <= 0) {
      return catalog;
    }
    ServiceSpec model = catalog.service(MODEL).orElseThrow(() -> new CatalogException("--extra-services",
        java.util.List.of("--extra-services copies the releases of " + MODEL + ", which the catalog does not have")));
    Map<String, ServiceSpec> services = new LinkedHashMap<>(catalog.services());
    for (int i = 1; i <= count; i++) {
      String name = name(i);
      services.putIfAbsent(name, new ServiceSpec(name, model.live(), 0, model.releases()));
    }
    return new Catalog(services);
  }

  /** {@code svc-0001}: four digits, so listings sort in number order up to 9,999. */
  public static String name(int index) {
    return String.format("svc-%04d", index);
  }
}
