package dev.runbook.sandbox;

import dev.runbook.sandbox.catalog.Catalog;
import dev.runbook.sandbox.catalog.CatalogLoader;
import dev.runbook.sandbox.catalog.ServiceSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * More environments beside the sandbox's own (a release's dev, staging and production): each a
 * whole sandbox of its own in this process, with its own slots, router, admin API, maintenance
 * mode and counters on ephemeral loopback ports, so a deploy to dev never touches staging. They
 * serve the same catalog at a quarter of its load (enough requests a second for the watch rules,
 * and three environments cost less than one more main sandbox) and run no simulated learners.
 */
public final class EnvironmentSandboxes implements AutoCloseable {
  static final String OPTION = "--environments";
  static final double LOAD_FACTOR = 0.25;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

  private final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();

  private EnvironmentSandboxes() {}

  /** The environment names of {@code --environments a,b,c}: lowercase names, no repeats. */
  static List<String> names(String value) {
    List<String> names = new ArrayList<>();
    for (String name : value.split(",")) {
      if (!NAME.matcher(name).matches() || names.contains(name)) {
        throw new IllegalArgumentException(OPTION + " takes distinct lowercase names separated by commas, got '"
            + value + "'");
      }
      names.add(name);
    }
    return names;
  }

  /** Starts one sandbox per name, like {@code main} but on ephemeral ports and without learners. */
  static EnvironmentSandboxes start(List<String> names, SandboxOptions main) throws IOException {
    CatalogLoader loader = new CatalogLoader();
    Catalog catalog = quieter(main.catalogFile() == null ? loader.loadDefault() : loader.load(main.catalogFile()));
    EnvironmentSandboxes all = new EnvironmentSandboxes();
    try {
      for (String name : names) {
        SandboxOptions options = SandboxOptions.ephemeral().withLoad(main.loadEnabled()).withBindAddress(main.bindAddress());
        all.sandboxes.put(name, Sandbox.start(main.seed() == null ? options : options.withSeed(main.seed() + name.hashCode()),
            catalog));
      }
    } catch (IOException | RuntimeException e) {
      all.close();
      throw e;
    }
    return all;
  }

  private static Catalog quieter(Catalog catalog) {
    Map<String, ServiceSpec> services = new LinkedHashMap<>();
    catalog.services().forEach((name, s) -> services.put(name,
        new ServiceSpec(s.name(), s.live(), s.rps() * LOAD_FACTOR, s.releases())));
    return new Catalog(services);
  }

  /** For the ready line: {@code dev@ADMIN@ROUTER,staging@ADMIN@ROUTER}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    sandboxes.forEach((name, s) -> parts.add(name + "@" + s.adminUrl() + "@" + s.routerUrl()));
    return String.join(",", parts);
  }

  @Override
  public void close() {
    sandboxes.values().forEach(Sandbox::close);
  }
}
