package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.PolicyActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Resolves the policy of learning-api: production by default ({@link Policies#production()}),
 * replaceable per test. Unknown environments and services fail non-retryably with the names that
 * exist, like the real resolver.
 */
public final class FakePolicyResolver implements PolicyActivities {
  private final Map<String, EnvironmentPolicy> byEnvironment = new TreeMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();

  public FakePolicyResolver() {
    byEnvironment.put("production", Policies.production());
  }

  public synchronized FakePolicyResolver use(EnvironmentPolicy policy) {
    byEnvironment.put(policy.environment(), policy);
    return this;
  }

  @Override
  public synchronized EnvironmentPolicy resolvePolicy(String procedure, String service, String environment) {
    calls.add(procedure + " " + service + " " + environment);
    EnvironmentPolicy policy = byEnvironment.get(environment);
    if (policy == null) {
      throw ApplicationFailure.newNonRetryableFailure("unknown environment '" + environment + "'; known: "
          + String.join(", ", byEnvironment.keySet()), "UnknownEnvironment");
    }
    if (!policy.service().equals(service)) {
      throw ApplicationFailure.newNonRetryableFailure("unknown service '" + service + "' in " + environment
          + "; known: " + policy.service(), "UnknownService");
    }
    return policy;
  }

  public List<String> calls() {
    return List.copyOf(calls);
  }
}
