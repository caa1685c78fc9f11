package dev.runbook.activities.snapshot;

/** The target database of an environment, from its configuration. */
@FunctionalInterface
public interface SnapshotTargets {
  /** @throws IllegalArgumentException naming the environment when it has no target database */
  PgTarget target(String environment);
}
