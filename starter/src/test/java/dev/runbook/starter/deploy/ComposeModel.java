package dev.runbook.starter.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The services of a resolved compose file (the output of {@code docker-compose config}), in the
 * short syntax compose 1.x prints and the long one compose 2.x prints.
 */
record ComposeModel(Map<String, Service> services) {

  record Port(String hostIp, int host, int container) {}

  record Bind(String source, String target) {}

  /** @param dependsOn service name to its condition (service_started, service_healthy, ...) */
  record Service(String image, String buildTarget, List<Port> ports, Map<String, String> environment,
      List<Bind> binds, Object command, Map<String, String> dependsOn) {}

  private static final Pattern SHORT_PORT = Pattern.compile("(?:(.+):)?(\\d+):(\\d+)(?:/\\w+)?");

  @SuppressWarnings("unchecked")
  static ComposeModel parse(String resolvedYaml) {
    Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(resolvedYaml);
    Map<String, Service> services = new LinkedHashMap<>();
    ((Map<String, Map<String, Object>>) root.get("services")).forEach((name, s) -> services.put(name, service(s)));
    return new ComposeModel(services);
  }

  /** The bind mount whose source is {@code source}, as the service sees it. */
  static Bind bindOf(Service service, java.nio.file.Path source) {
    return service.binds().stream()
        .filter(b -> java.nio.file.Path.of(b.source()).normalize().equals(source.toAbsolutePath().normalize()))
        .findFirst().orElseThrow(() -> new AssertionError(source + " is not mounted: " + service.binds()));
  }

  Service service(String name) {
    Service s = services.get(name);
    if (s == null) {
      throw new AssertionError("no service " + name + " in " + services.keySet());
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Service service(Map<String, Object> s) {
    Object build = s.get("build");
    String target = build instanceof Map<?, ?> b ? (String) b.get("target") : null;
    List<Port> ports = new ArrayList<>();
    for (Object p : (List<Object>) s.getOrDefault("ports", List.of())) {
      ports.add(port(p));
    }
    Map<String, String> env = new LinkedHashMap<>();
    Object environment = s.getOrDefault("environment", Map.of());
    if (environment instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else {
      for (Object item : (List<Object>) environment) {
        String[] kv = String.valueOf(item).split("=", 2);
        env.put(kv[0], kv.length > 1 ? kv[1] : null);
      }
    }
    List<Bind> binds = new ArrayList<>();
    for (Object v : (List<Object>) s.getOrDefault("volumes", List.of())) {
      if (v instanceof Map<?, ?> m) {
        if ("bind".equals(m.get("type"))) {
          binds.add(new Bind(String.valueOf(m.get("source")), String.valueOf(m.get("target"))));
        }
      } else {
        String[] parts = String.valueOf(v).split(":");
        if (parts.length >= 2 && parts[0].startsWith("/")) {
          binds.add(new Bind(parts[0], parts[1]));
        }
      }
    }
    Map<String, String> dependsOn = new LinkedHashMap<>();
    Object depends = s.getOrDefault("depends_on", List.of());
    if (depends instanceof Map<?, ?> m) {
      m.forEach((k, v) -> dependsOn.put(String.valueOf(k),
          v instanceof Map<?, ?> c ? String.valueOf(c.get("condition")) : "service_started"));
    } else {
      ((List<Object>) depends).forEach(d -> dependsOn.put(String.valueOf(d), "service_started"));
    }
    return new Service((String) s.get("image"), target, ports, env, binds, s.get("command"), dependsOn);
  }

  private static Port port(Object p) {
    if (p instanceof Map<?, ?> m) {
      return new Port((String) m.get("host_ip"), Integer.parseInt(String.valueOf(m.get("published"))),
          Integer.parseInt(String.valueOf(m.get("target"))));
    }
    Matcher m = SHORT_PORT.matcher(String.valueOf(p));
    if (!m.matches()) {
      throw new AssertionError("a port compose prints in an unknown form: " + p);
    }
    return new Port(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }
}
