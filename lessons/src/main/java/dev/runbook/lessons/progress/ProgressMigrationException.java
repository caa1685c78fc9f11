package dev.runbook.lessons.progress;

/** A progress document that cannot be migrated or read; the message says what and where. */
public class ProgressMigrationException extends RuntimeException {
  public ProgressMigrationException(String message) {
    super(message);
  }
}
