package dev.runbook.workflows.healthcheck;

import dev.runbook.workflows.api.CheckResult;
import dev.runbook.workflows.operations.OperationCheck;
import dev.runbook.workflows.operations.OperationPlan;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The daily health check's reads. All read-only: safe to repeat, nothing to undo. */
@ActivityInterface
public interface HealthCheckActivities {

  /**
   * The checks of {@code environment} ({@code all}: of every configured environment): each
   * service's health on the environment's platform and on each hosted platform that serves it, the
   * target database (connectivity and Flyway migration state) where one is configured, the worker
   * and the metric source. An unknown environment fails non-retryably (UnknownEnvironment).
   */
  @ActivityMethod
  OperationPlan planHealthChecks(String environment);

  /** Runs one check; a failed check is a result with {@code passed=false}, not an exception. */
  @ActivityMethod
  CheckResult runHealthCheck(OperationCheck check);
}
