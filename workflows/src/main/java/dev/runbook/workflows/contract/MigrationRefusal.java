package dev.runbook.workflows.contract;

/**
 * Why a schema migration is refused before anything changes; each travels as a non-retryable
 * {@code ApplicationFailure} of its {@link #failureType()}, with the specifics in the message.
 */
public enum MigrationRefusal {
  MIGRATIONS_FOLDER_MISSING("MigrationsFolderMissing", "the environment's migrations folder does not exist"),
  UNKNOWN_TARGET("UnknownSchemaTarget", "no migration has the target version"),
  TARGET_NOT_ABOVE_CURRENT("TargetNotAboveCurrent", "the target version is at or below the database's"),
  APPLIED_MIGRATION_CHANGED("AppliedMigrationChanged", "an applied migration was edited or removed"),
  MIGRATIONS_INVALID("MigrationsInvalid", "Flyway's validation of the migrations failed"),
  REHEARSAL_FAILED("RehearsalFailed", "a migration failed on the rehearsal copy; the live database is untouched");

  /** Not a refusal: the database did not answer, and the check is retried. */
  public static final String DATABASE_UNREACHABLE = "DatabaseUnreachable";

  private final String failureType;
  private final String description;

  MigrationRefusal(String failureType, String description) {
    this.failureType = failureType;
    this.description = description;
  }

  public String failureType() {
    return failureType;
  }

  public String description() {
    return description;
  }
}
