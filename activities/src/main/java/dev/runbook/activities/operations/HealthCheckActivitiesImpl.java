package dev.runbook.activities.operations;

import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.workflows.api.CheckResult;
import dev.runbook.workflows.api.OperationRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.healthcheck.HealthCheckActivities;
import dev.runbook.workflows.operations.OperationCheck;
import dev.runbook.workflows.operations.OperationPlan;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daily health check over the worker's configuration: plans one check per service and
 * platform, per target database, the worker and each environment's metric source, and runs each
 * through {@link HealthProbes}. Read-only throughout.
 */
public final class HealthCheckActivitiesImpl implements HealthCheckActivities {
  static final String SERVICE = "service health";
  static final String HOSTED = "hosted platform health";
  static final String DATABASE = "database";
  static final String WORKER = "worker";
  static final String METRICS = "metric source";

  private final PolicyCatalog catalog;
  private final HealthProbes probes;

  public HealthCheckActivitiesImpl(PolicyCatalog catalog, HealthProbes probes) {
    this.catalog = catalog;
    this.probes = probes;
  }

  @Override
  public OperationPlan planHealthChecks(String environment) {
    List<String> names = environments(catalog, environment);
    List<OperationCheck> checks = new ArrayList<>();
    Map<String, String> incidentServices = new LinkedHashMap<>();
    for (String env : names) {
      EnvironmentSettings s = catalog.environment(env).orElseThrow();
      incidentServices.put(env, s.services().get(0));
      for (String service : s.services()) {
        checks.add(new OperationCheck(SERVICE, env, service + " on " + s.platform(), s.platform(), service));
      }
      for (String hosted : probes.hostedPlatforms(env)) {
        for (String service : probes.hostedServices()) {
          if (s.services().contains(service)) {
            checks.add(new OperationCheck(HOSTED, env, service + " on " + hosted, hosted, service));
          }
        }
      }
      if (probes.hasDatabase(env)) {
        checks.add(new OperationCheck(DATABASE, env, "target database", null, null));
      }
      checks.add(new OperationCheck(METRICS, env, s.metricsSource(), null, s.services().get(0)));
    }
    checks.add(new OperationCheck(WORKER, names.get(0), "runbook worker", null, null));
    return new OperationPlan(policy(catalog, names.get(0), environment, Procedure.DAILY_HEALTH_CHECK_KEY), checks,
        incidentServices);
  }

  @Override
  public CheckResult runHealthCheck(OperationCheck check) {
    long start = System.nanoTime();
    CheckResult r = switch (check.kind()) {
      case SERVICE -> probes.service(check);
      case HOSTED -> probes.hosted(check);
      case DATABASE -> probes.database(check);
      case WORKER -> probes.worker(check);
      case METRICS -> probes.metrics(check, catalog.environment(check.environment()).orElseThrow());
      default -> throw ApplicationFailure.newNonRetryableFailure("unknown health check kind '" + check.kind() + "'",
          Refusal.INVALID_REQUEST.failureType());
    };
    return new CheckResult(r.check(), r.environment(), r.target(), r.passed(), r.detail(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The environments {@code environment} names ({@code all}: every configured one, sorted). */
  static List<String> environments(PolicyCatalog catalog, String environment) {
    if (environment == null || environment.equals(OperationRequest.ALL)) {
      return catalog.environmentNames().stream().sorted().toList();
    }
    if (catalog.environment(environment).isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure("unknown environment '" + environment + "'; known: "
          + String.join(", ", catalog.environmentNames()) + " (or all)", Refusal.UNKNOWN_ENVIRONMENT.failureType());
    }
    return List.of(environment);
  }

  /** The shared settings an operation's run uses: those of its first environment, the operation as its "service". */
  static EnvironmentPolicy policy(PolicyCatalog catalog, String first, String environment, String key) {
    EnvironmentSettings s = catalog.environment(first).orElseThrow();
    return new EnvironmentPolicy(environment == null ? OperationRequest.ALL : environment, key, s.platform(),
        List.of(), s.approval(), s.pollSeconds(), s.heartbeatTimeoutSeconds(), s.deployTimeoutSeconds(), null, null,
        s.incident());
  }
}
