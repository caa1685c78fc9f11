package dev.runbook.activities.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every environment the worker serves, by name. Built once from the worker's configuration and
 * validated here, so a policy typo stops the worker at start-up with every problem listed, instead
 * of failing some rollout hours later.
 */
public record PolicyCatalog(Map<String, EnvironmentSettings> environments) {

  public PolicyCatalog {
    if (environments == null || environments.isEmpty()) {
      throw new IllegalArgumentException("policy catalog: configure at least one environment");
    }
    environments = Collections.unmodifiableMap(new TreeMap<>(environments));
    List<String> problems = new ArrayList<>();
    environments.forEach((name, settings) -> {
      if (settings == null) {
        problems.add("environment '" + name + "': settings are missing");
      } else {
        settings.problems().forEach(p -> problems.add("environment '" + name + "': " + p));
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid runbook policy:\n  " + String.join("\n  ", problems));
    }
  }

  public Optional<EnvironmentSettings> environment(String name) {
    return Optional.ofNullable(name == null ? null : environments.get(name));
  }

  /** Sorted names, for "known: local, production" messages. */
  public List<String> environmentNames() {
    return List.copyOf(environments.keySet());
  }
}
