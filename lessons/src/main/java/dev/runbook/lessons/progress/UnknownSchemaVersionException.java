package dev.runbook.lessons.progress;

/** A progress document whose schema version no registered migration step starts from. */
public class UnknownSchemaVersionException extends ProgressMigrationException {
  private final String schemaVersion;

  public UnknownSchemaVersionException(String message, String schemaVersion) {
    super(message);
    this.schemaVersion = schemaVersion;
  }

  public String schemaVersion() {
    return schemaVersion;
  }
}
