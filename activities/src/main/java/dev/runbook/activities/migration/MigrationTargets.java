package dev.runbook.activities.migration;

/** The migration target of an environment, from its configuration. */
@FunctionalInterface
public interface MigrationTargets {
  /** @throws IllegalArgumentException naming the environment when it has no target database */
  MigrationTarget target(String environment);
}
