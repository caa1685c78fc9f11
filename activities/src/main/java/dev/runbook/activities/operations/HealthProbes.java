package dev.runbook.activities.operations;

import dev.runbook.activities.hosted.HttpHealth;
import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.activities.migration.MigrationTarget;
import dev.runbook.activities.migration.MigrationTargets;
import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.workflows.api.CheckResult;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.PlatformActivities;
import dev.runbook.workflows.contract.PlatformCall;
import dev.runbook.workflows.contract.PlatformHealth;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SmokeResult;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.multiplatform.MultiPlatformActivities;
import dev.runbook.workflows.operations.OperationCheck;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * The probes behind the daily health check, each composed from the piece that already talks to
 * that system: the platform activities (describe + smoke test of the live colour), the hosted
 * platforms' health probe, the schema-migration targets with Flyway, an HTTP GET of the worker's
 * health endpoint and the environment's metric source. A probe never throws for a failed check.
 */
public final class HealthProbes {
  private final PlatformActivities platforms;
  private final MultiPlatformActivities hosted;
  private final List<String> hostedServices;
  private final MigrationTargets databases;
  private final HttpHealth http;
  private final String workerHealthUrl;
  private final Function<String, MetricSource> metrics;

  /**
   * @param hosted null when no hosted platforms are configured
   * @param hostedServices the services the hosted platforms serve (seed 002: web)
   */
  public HealthProbes(PlatformActivities platforms, MultiPlatformActivities hosted, List<String> hostedServices,
      MigrationTargets databases, HttpHealth http, String workerHealthUrl, Function<String, MetricSource> metrics) {
    this.platforms = platforms;
    this.hosted = hosted;
    this.hostedServices = List.copyOf(hostedServices);
    this.databases = databases;
    this.http = http;
    this.workerHealthUrl = workerHealthUrl;
    this.metrics = metrics;
  }

  List<String> hostedPlatforms(String environment) {
    if (hosted == null) {
      return List.of();
    }
    try {
      return hosted.planPlatforms(environment, null).stream().map(p -> p.name()).toList();
    } catch (RuntimeException none) {
      return List.of(); // no hosted platforms in that environment
    }
  }

  List<String> hostedServices() {
    return hostedServices;
  }

  boolean hasDatabase(String environment) {
    try {
      return databases != null && databases.target(environment) != null;
    } catch (IllegalArgumentException none) {
      return false;
    }
  }

  CheckResult service(OperationCheck c) {
    try {
      ServiceState state = platforms.describeService(c.platform(), c.service(), c.environment());
      if (state.liveColour() == null) {
        return result(c, false, "no live colour: nothing serves " + c.service());
      }
      SmokeResult smoke = platforms.smokeTest(c.platform(), c.service(), c.environment(), state.liveColour());
      return result(c, smoke.passed(), state.liveColour() + ": " + smoke.detail());
    } catch (RuntimeException e) {
      return result(c, false, "platform did not answer: " + e.getMessage());
    }
  }

  CheckResult hosted(OperationCheck c) {
    try {
      PlatformHealth h = hosted.checkPlatformHealth(new PlatformCall(c.platform(), c.environment(), c.service(), null,
          null));
      return result(c, h.healthy(), h.detail());
    } catch (RuntimeException e) {
      return result(c, false, "platform did not answer: " + e.getMessage());
    }
  }

  CheckResult database(OperationCheck c) {
    MigrationTarget target = databases.target(c.environment());
    try (Connection connection = target.dataSource().getConnection()) {
      if (!connection.isValid(3)) {
        return result(c, false, "connection not valid");
      }
    } catch (Exception e) {
      return result(c, false, "cannot connect: " + e.getMessage());
    }
    try {
      MigrationInfoService info = Flyway.configure().dataSource(target.dataSource()).schemas(target.schema())
          .locations("filesystem:" + target.migrations()).load().info();
      MigrationInfo current = info.current();
      List<String> failed = Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FAILED)
          .map(m -> String.valueOf(m.getVersion())).toList();
      String at = target.schema() + " at " + (current == null || current.getVersion() == null ? "no version"
          : current.getVersion().getVersion()) + ", " + info.pending().length + " pending";
      return failed.isEmpty() ? result(c, true, "connected; " + at)
          : result(c, false, "failed migration(s) " + String.join(", ", failed) + "; " + at);
    } catch (RuntimeException e) {
      return result(c, false, "connected, but Flyway cannot read the migration state: " + e.getMessage());
    }
  }

  CheckResult worker(OperationCheck c) {
    PlatformHealth h = http.probe(workerHealthUrl);
    return result(c, h.healthy(), h.detail());
  }

  CheckResult metrics(OperationCheck c, EnvironmentSettings env) {
    WatchRule probe = new WatchRule("health-check", MetricKind.ERROR_RATE_PERCENT, Comparison.GREATER_THAN, 100, false, 0, 300,
        RuleAction.NOTIFY, 0, null, null);
    try {
      String colour = platforms.describeService(env.platform(), c.service(), c.environment()).liveColour();
      MetricReading r = metrics.apply(c.environment()).read(probe, c.service(), c.environment(), colour, null);
      return r.problem() == null ? result(c, true, "answered: error rate " + r.value() + "% over " + r.samples()
          + " request(s) of " + c.service()) : result(c, false, r.problem());
    } catch (RuntimeException e) {
      return result(c, false, "did not answer: " + e.getMessage());
    }
  }

  private static CheckResult result(OperationCheck c, boolean passed, String detail) {
    return new CheckResult(c.kind(), c.environment(), c.target(), passed, detail, 0);
  }
}
