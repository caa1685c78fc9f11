package dev.runbook.activities.policy;

import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.PolicyActivities;
import dev.runbook.workflows.api.Refusal;
import io.temporal.failure.ApplicationFailure;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a service's policy from the {@link PolicyCatalog}: the shared part, the code deploy's
 * rollout, the emergency deploy's part and the incident escalation policy (every service procedure
 * gets them all; each reads its own).
 * Read-only; the workflow calls it once so the policy lands in history and a later config change
 * cannot alter a running rollout.
 */
public class PolicyActivitiesImpl implements PolicyActivities {
  public static final String UNKNOWN_ENVIRONMENT = Refusal.UNKNOWN_ENVIRONMENT.failureType();
  public static final String UNKNOWN_SERVICE = Refusal.UNKNOWN_SERVICE.failureType();
  private static final Logger log = LoggerFactory.getLogger(PolicyActivitiesImpl.class);

  private final PolicyCatalog catalog;

  public PolicyActivitiesImpl(PolicyCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public EnvironmentPolicy resolvePolicy(String procedure, String service, String environment) {
    EnvironmentSettings env = catalog.environment(environment).orElseThrow(() ->
        ApplicationFailure.newNonRetryableFailure(
            "unknown environment '" + environment + "'; known: " + String.join(", ", catalog.environmentNames()),
            UNKNOWN_ENVIRONMENT));
    if (service == null || !env.services().contains(service)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "unknown service '" + service + "' in environment '" + environment + "'; known: "
              + String.join(", ", new TreeSet<>(env.services())),
          UNKNOWN_SERVICE);
    }
    log.debug("policy for {} of {} in {}: platform {}", procedure, service, environment, env.platform());
    return new EnvironmentPolicy(
        environment,
        service,
        env.platform(),
        env.rules(),
        env.approval(),
        env.pollSeconds(),
        env.heartbeatTimeoutSeconds(),
        env.deployTimeoutSeconds(),
        env.codeDeploy(),
        env.emergencyDeploy(),
        env.incident());
  }
}
