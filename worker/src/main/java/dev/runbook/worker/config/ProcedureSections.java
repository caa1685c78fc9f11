package dev.runbook.worker.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each environment's per-procedure sections as the worker uses them. A key is read from its
 * section, else from the flat key it replaced (configurations written before the sections keep
 * working; start-up warns, naming the new keys), else its default. A key given both ways is a
 * start-up problem: which value was meant cannot be told.
 */
final class ProcedureSections {
  static final Duration DEFAULT_RETIRE_AFTER = Duration.ofMinutes(10);
  static final Duration DEFAULT_EMERGENCY_WATCH = Duration.ofHours(2);

  /** A flat key and one of the section keys that replaced it. */
  private record Renamed(String oldKey, Function<EnvironmentProperties, Object> oldValue, String newKey,
      Function<EnvironmentProperties, Object> newValue) {}

  private static final List<Renamed> RENAMED = List.of(
      new Renamed("steps", EnvironmentProperties::steps, "code-deploy.steps", e -> codeDeployOf(e).steps()),
      new Renamed("retire-after", EnvironmentProperties::retireAfter, "code-deploy.retire-after",
          e -> codeDeployOf(e).retireAfter()),
      new Renamed("retire-after", EnvironmentProperties::retireAfter, "emergency-deploy.retire-after",
          e -> emergencyDeployOf(e).retireAfter()),
      new Renamed("emergency-watch", EnvironmentProperties::emergencyWatch, "emergency-deploy.watch",
          e -> emergencyDeployOf(e).watch()));

  private ProcedureSections() {}

  /** {@code code-deploy} with every key filled (steps empty when given nowhere: a start-up problem). */
  static CodeDeployProperties codeDeploy(EnvironmentProperties env) {
    CodeDeployProperties own = codeDeployOf(env);
    return new CodeDeployProperties(first(own.steps(), env.steps(), List.of()),
        first(own.retireAfter(), env.retireAfter(), DEFAULT_RETIRE_AFTER), own.strategy(), own.rolling());
  }

  /** {@code emergency-deploy} with every key filled. */
  static EmergencyDeployProperties emergencyDeploy(EnvironmentProperties env) {
    EmergencyDeployProperties own = emergencyDeployOf(env);
    return new EmergencyDeployProperties(first(own.watch(), env.emergencyWatch(), DEFAULT_EMERGENCY_WATCH),
        first(own.retireAfter(), env.retireAfter(), DEFAULT_RETIRE_AFTER));
  }

  /** Keys set both flat and in their section, each problem named by its property paths. */
  static void check(String path, EnvironmentProperties env, List<String> problems) {
    for (Renamed r : RENAMED) {
      if (r.oldValue().apply(env) != null && r.newValue().apply(env) != null) {
        problems.add(path + "." + r.oldKey() + " and " + path + "." + r.newKey() + " are both set: " + r.oldKey()
            + " is the deprecated name of " + String.join(" and ", oldKeys().get(r.oldKey()))
            + "; set those and remove " + r.oldKey());
      }
    }
  }

  /** One warning per deprecated flat key in use, naming the keys to write instead. */
  static List<String> deprecations(String path, EnvironmentProperties env) {
    List<String> warnings = new ArrayList<>();
    oldKeys().forEach((oldKey, newKeys) -> {
      if (RENAMED.stream().anyMatch(r -> r.oldKey().equals(oldKey) && r.oldValue().apply(env) != null)) {
        warnings.add(path + "." + oldKey + " is deprecated and read for now: write "
            + String.join(" and ", newKeys.stream().map(k -> path + "." + k).toList()) + " instead");
      }
    });
    return warnings;
  }

  private static Map<String, List<String>> oldKeys() {
    Map<String, List<String>> byOld = new LinkedHashMap<>();
    RENAMED.forEach(r -> byOld.computeIfAbsent(r.oldKey(), k -> new ArrayList<>()).add(r.newKey()));
    return byOld;
  }

  private static CodeDeployProperties codeDeployOf(EnvironmentProperties env) {
    return env.codeDeploy() != null ? env.codeDeploy() : new CodeDeployProperties(null, null, null, null);
  }

  private static EmergencyDeployProperties emergencyDeployOf(EnvironmentProperties env) {
    return env.emergencyDeploy() != null ? env.emergencyDeploy() : new EmergencyDeployProperties(null, null);
  }

  private static <T> T first(T own, T flat, T fallback) {
    return own != null ? own : flat != null ? flat : fallback;
  }
}
