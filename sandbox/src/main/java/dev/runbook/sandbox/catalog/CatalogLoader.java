package dev.runbook.sandbox.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the release catalog YAML and validates it before anything starts.
 *
 * <p>Why validate up front: a typo such as {@code errorrate: 0.2} would otherwise silently give a
 * healthy release, and a runbook test would pass for the wrong reason. Every problem is collected
 * with its YAML path and reported at once. Loading is safe (plain maps, lists and scalars only).
 */
public final class CatalogLoader {

  /** Classpath location of the catalog shipped with the sandbox. */
  public static final String DEFAULT_RESOURCE = "catalog.yaml";

  static final double DEFAULT_RPS = 40;
  static final double DEFAULT_P50_MS = 30;
  static final double DEFAULT_P95_MS = 100;

  private static final Set<String> TOP_KEYS = Set.of("services");
  /** Instances per colour; each is a path on the shared slot host, so they cost no threads. */
  static final int MAX_INSTANCES = 20;
  private static final Set<String> SERVICE_KEYS = Set.of("live", "rps", "releases", "instances");
  private static final Set<String> RELEASE_KEYS =
      Set.of("healthy", "errorRate", "p50Ms", "p95Ms", "complaintRate");
  private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern VERSION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  /** Loads the catalog shipped on the classpath. */
  public Catalog loadDefault() {
    try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new CatalogException("classpath:" + DEFAULT_RESOURCE, List.of("resource not found"));
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new CatalogException("classpath:" + DEFAULT_RESOURCE, List.of("cannot read: " + e));
    }
  }

  /** Loads a catalog file given with {@code --catalog}. */
  public Catalog load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new CatalogException(file.toString(), List.of("file does not exist"));
    } catch (IOException e) {
      throw new CatalogException(file.toString(), List.of("cannot read: " + e.getMessage()));
    }
  }

  /** Parses and validates YAML text; {@code source} names it in error messages. */
  public Catalog parse(String yamlText, String source) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
    } catch (YAMLException e) {
      throw new CatalogException(source, List.of("not valid YAML: " + e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    Map<String, ServiceSpec> services = new LinkedHashMap<>();
    Map<String, Object> top = mapping(root, "the document", problems);
    if (top != null) {
      unknownKeys(top, TOP_KEYS, "", problems);
      Map<String, Object> serviceNodes = mapping(top.get("services"), "services", problems);
      if (serviceNodes != null && serviceNodes.isEmpty()) {
        problems.add("services: at least one service is required");
      }
      if (serviceNodes != null) {
        serviceNodes.forEach((name, node) -> {
          ServiceSpec spec = service(name, node, problems);
          if (spec != null) {
            services.put(name, spec);
          }
        });
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException(source, problems);
    }
    return new Catalog(services);
  }

  private ServiceSpec service(String name, Object node, List<String> problems) {
    String path = "services." + name;
    if (!SERVICE_NAME.matcher(name).matches()) {
      problems.add(path + ": service names use lowercase letters, digits and dashes");
    }
    Map<String, Object> fields = mapping(node, path, problems);
    if (fields == null) {
      return null;
    }
    unknownKeys(fields, SERVICE_KEYS, path + ".", problems);
    double rps = number(fields, "rps", DEFAULT_RPS, path, problems);
    if (rps < 0) {
      problems.add(path + ".rps must be 0 or more, got " + rps);
    }
    Map<String, ReleaseSpec> releases = new LinkedHashMap<>();
    Map<String, Object> releaseNodes = mapping(fields.get("releases"), path + ".releases", problems);
    if (releaseNodes != null) {
      if (releaseNodes.isEmpty()) {
        problems.add(path + ".releases: at least one release is required");
      }
      releaseNodes.forEach((version, releaseNode) ->
          releases.put(version, release(version, releaseNode, path + ".releases." + version, problems)));
    }
    Object live = fields.get("live");
    if (live == null) {
      problems.add(path + ".live is required: the release that runs on blue at start");
    } else if (releaseNodes != null && !releases.containsKey(String.valueOf(live))) {
      problems.add(path + ".live is '" + live + "' but the releases are " + releases.keySet());
    }
    double instances = number(fields, "instances", 1, path, problems);
    if (instances < 1 || instances > MAX_INSTANCES || instances != Math.rint(instances)) {
      problems.add(path + ".instances must be a whole number from 1 to " + MAX_INSTANCES + ", got " + fields.get("instances"));
      instances = 1;
    }
    return new ServiceSpec(name, String.valueOf(live), rps, releases, (int) instances);
  }

  private ReleaseSpec release(String version, Object node, String path, List<String> problems) {
    if (!VERSION_NAME.matcher(version).matches()) {
      problems.add(path + ": versions use letters, digits and . _ + - only");
    }
    Map<String, Object> fields = node == null ? Map.of() : mapping(node, path, problems);
    if (fields == null) {
      fields = Map.of();
    }
    unknownKeys(fields, RELEASE_KEYS, path + ".", problems);
    boolean healthy = true;
    Object healthyNode = fields.get("healthy");
    if (healthyNode instanceof Boolean b) {
      healthy = b;
    } else if (healthyNode != null) {
      problems.add(path + ".healthy must be true or false, got '" + healthyNode + "'");
    }
    double errorRate = probability(fields, "errorRate", path, problems);
    double complaintRate = probability(fields, "complaintRate", path, problems);
    boolean hasP50 = fields.containsKey("p50Ms");
    boolean hasP95 = fields.containsKey("p95Ms");
    double p50 = number(fields, "p50Ms", Double.NaN, path, problems);
    double p95 = number(fields, "p95Ms", Double.NaN, path, problems);
    // A missing percentile is derived from the other so that giving only one never trips p95 < p50.
    if (!hasP50 && !hasP95) {
      p50 = DEFAULT_P50_MS;
      p95 = DEFAULT_P95_MS;
    } else if (!hasP95) {
      p95 = p50 * 3;
    } else if (!hasP50) {
      p50 = p95 / 3;
    }
    if (hasP50 && p50 < 0) {
      problems.add(path + ".p50Ms must be 0 or more, got " + p50);
    }
    if (hasP95 && p95 < 0) {
      problems.add(path + ".p95Ms must be 0 or more, got " + p95);
    }
    if (hasP50 && hasP95 && p50 >= 0 && p95 >= 0 && p95 < p50) {
      problems.add(path + ".p95Ms (" + p95 + ") must not be below p50Ms (" + p50 + ")");
    }
    return new ReleaseSpec(version, healthy, errorRate, p50, p95, complaintRate);
  }

  private static double probability(Map<String, Object> fields, String key, String path, List<String> problems) {
    double value = number(fields, key, 0, path, problems);
    if (value < 0 || value > 1) {
      problems.add(path + "." + key + " must be between 0 and 1, got " + value);
    }
    return value;
  }

  private static double number(
      Map<String, Object> fields, String key, double fallback, String path, List<String> problems) {
    Object value = fields.get(key);
    if (value == null) {
      if (fields.containsKey(key)) {
        problems.add(path + "." + key + " has no value");
      }
      return fallback;
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    problems.add(path + "." + key + " must be a number, got '" + value + "'");
    return fallback;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(Object node, String path, List<String> problems) {
    if (node instanceof Map<?, ?> map) {
      // YAML keys such as 1.5 arrive as numbers; the catalog only knows names, so stringify them.
      Map<String, Object> result = new LinkedHashMap<>();
      ((Map<Object, Object>) map).forEach((k, v) -> result.put(String.valueOf(k), v));
      return result;
    }
    problems.add(path + (node == null ? " is missing" : " must be a mapping, got '" + node + "'"));
    return null;
  }

  private static void unknownKeys(Map<String, Object> fields, Set<String> known, String prefix, List<String> problems) {
    for (String key : fields.keySet()) {
      if (!known.contains(key)) {
        problems.add(prefix + key + " is not a known key (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }
}
