package dev.runbook.lessons.progress;

import java.util.Map;

/**
 * One step of the user-progress schema migration, from one schema version to the next. Steps are
 * pure functions over the document tree (maps, lists, strings, numbers, booleans, as JSON reads it).
 * A step must keep the {@link ProgressFingerprint}; {@link ProgressMigrations} checks it.
 */
public interface ProgressMigrationStep {
  String from();

  String to();

  /** One line for logs and reports. */
  String description();

  /**
   * Migrates {@code document}, a private deep copy the step may change and return, and sets
   * {@code schema_version} to {@link #to()}.
   */
  Map<String, Object> apply(Map<String, Object> document);
}
