package dev.runbook.workflows.testing;

import dev.runbook.workflows.api.CheckResult;
import dev.runbook.workflows.api.OperationReport;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.healthcheck.HealthCheckActivities;
import dev.runbook.workflows.operations.OperationCheck;
import dev.runbook.workflows.operations.OperationPlan;
import dev.runbook.workflows.operations.OperationReportActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scheduled operations' activities: a health check plan of production (two services on the
 * sandbox, the database, the metric source, the worker) whose targets pass unless {@link #failing}
 * names them, and the reports stored.
 */
public final class FakeOperations implements HealthCheckActivities, OperationReportActivities {
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
  private final List<OperationReport> reports = new CopyOnWriteArrayList<>();

  /** The check of {@code target} fails (a result with passed=false). */
  public FakeOperations failing(String target) {
    failing.add(target);
    return this;
  }

  /** The check of {@code target} cannot run at all (its activity fails every attempt). */
  public FakeOperations unreachable(String target) {
    unreachable.add(target);
    return this;
  }

  @Override
  public OperationPlan planHealthChecks(String environment) {
    if (!environment.equals("all") && !environment.equals(RunbookTestEnvironment.ENV)) {
      throw ApplicationFailure.newNonRetryableFailure("unknown environment '" + environment + "'; known: production"
          + " (or all)", "UnknownEnvironment");
    }
    String env = RunbookTestEnvironment.ENV;
    EnvironmentPolicy p = Policies.production();
    return new OperationPlan(new EnvironmentPolicy(environment, "daily", p.platform(), List.of(), p.approval(),
        p.pollSeconds(), p.heartbeatTimeoutSeconds(), p.deployTimeoutSeconds(), null, null, p.incident()), List.of(
        new OperationCheck("service health", env, "learning-api on sandbox", "sandbox", "learning-api"),
        new OperationCheck("service health", env, "web on sandbox", "sandbox", "web"),
        new OperationCheck("database", env, "target database", null, null),
        new OperationCheck("metric source", env, "sandbox", null, "learning-api"),
        new OperationCheck("worker", env, "runbook worker", null, null)), Map.of(env, "learning-api"));
  }

  @Override
  public CheckResult runHealthCheck(OperationCheck check) {
    if (unreachable.contains(check.target())) {
      throw new IllegalStateException("connection refused: " + check.target());
    }
    boolean passed = !failing.contains(check.target());
    return new CheckResult(check.kind(), check.environment(), check.target(), passed,
        passed ? "200 OK" : "503 from /health", 5);
  }

  @Override
  public void recordOperationReport(OperationReport report) {
    reports.add(report);
  }

  public List<OperationReport> reports() {
    return List.copyOf(reports);
  }
}
