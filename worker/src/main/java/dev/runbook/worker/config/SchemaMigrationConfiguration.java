package dev.runbook.worker.config;

import dev.runbook.activities.capture.LearnerWriteCaptureImpl;
import dev.runbook.activities.maintenance.SandboxMaintenanceActivities;
import dev.runbook.activities.migration.FlywaySchemaMigrationActivities;
import dev.runbook.activities.migration.SchemaMigrationPolicies;
import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.activities.snapshot.PgClientTools;
import dev.runbook.activities.snapshot.SnapshotActivitiesImpl;
import java.net.http.HttpClient;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.SchemaMigrationPolicy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schema-migration activities ({@code snapshotActivities}, {@code schemaMigrationActivities},
 * {@code learnerWriteCaptureActivities}, {@code schemaMigrationPolicyActivities},
 * {@code maintenanceActivities} in the worker's activity-beans) over each environment's
 * schema-migration section. Nothing connects at start-up: a target that is down fails the run
 * that needs it, never the worker.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrationConfiguration {

  @Bean
  SchemaMigrationTargets schemaMigrationTargets(RunbookProperties properties, DataSourceProperties worker,
      PolicyCatalog catalog) {
    // The catalog parameter orders this after the configuration check: a bad section fails first, by path.
    return new SchemaMigrationTargets(properties, worker);
  }

  @Bean
  SnapshotActivitiesImpl snapshotActivities(RunbookProperties properties, SchemaMigrationTargets targets) {
    SnapshotProperties s = properties.snapshots();
    return new SnapshotActivitiesImpl(targets::pgTarget, s.effectiveDirectory(),
        PgClientTools.Search.machine(s.clientTools()), s.toolTimeout(), Clock.systemUTC());
  }

  @Bean
  FlywaySchemaMigrationActivities schemaMigrationActivities(SchemaMigrationTargets targets,
      SnapshotActivitiesImpl snapshots) {
    return new FlywaySchemaMigrationActivities(targets::migrationTarget, snapshots);
  }

  @Bean
  LearnerWriteCaptureImpl learnerWriteCaptureActivities(SchemaMigrationTargets targets) {
    return new LearnerWriteCaptureImpl(targets::migrationTarget);
  }

  @Bean
  SchemaMigrationPolicies schemaMigrationPolicyActivities(RunbookProperties properties, PolicyCatalog catalog,
      SchemaMigrationTargets targets) {
    Map<String, SchemaMigrationPolicy> policies = new LinkedHashMap<>();
    properties.environments().forEach((name, env) -> {
      SchemaMigrationProperties s = env.schemaMigration();
      if (s != null) {
        policies.put(name, policy(name, s, catalog.environment(name).orElseThrow(), targets.pgTarget(name).database()));
      }
    });
    return new SchemaMigrationPolicies(policies);
  }

  /** The database's name stands where a service would in the shared part; no platform, no rules of its own. */
  static SchemaMigrationPolicy policy(String name, SchemaMigrationProperties s, EnvironmentSettings env,
      String database) {
    EnvironmentPolicy shared = new EnvironmentPolicy(name, database, "database", List.of(), env.approval(),
        env.pollSeconds(), env.heartbeatTimeoutSeconds(), env.deployTimeoutSeconds(), null, null);
    return new SchemaMigrationPolicy(shared, database, s.schemas(), SchemaMigrationPropertiesCheck.window(s.window()),
        s.lockTimeout().toSeconds(), s.migrateAttempts(), s.watch().toSeconds(), s.validationQueries(),
        s.nowOnRequest());
  }

  @Bean
  SandboxMaintenanceActivities maintenanceActivities(SchemaMigrationTargets targets, HttpClient http) {
    return new SandboxMaintenanceActivities(targets::maintenanceUrl, http);
  }
}
