package dev.runbook.workflows.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a run was refused before anything moved. Each refusal travels as the type of a
 * non-retryable {@code ApplicationFailure}; the CLI recognises it by that type (never by the
 * message) and exits 64, and the outcome is {@link Outcome#REFUSED}, not a deploy failure.
 */
public enum Refusal {
  INVALID_REQUEST("InvalidRequest", "the request is invalid"),
  UNKNOWN_FIELDS("UnknownFields", "the request has fields this procedure does not know"),
  UNKNOWN_ENVIRONMENT("UnknownEnvironment", "the environment is not configured"),
  UNKNOWN_SERVICE("UnknownService", "the service is not configured in that environment"),
  UNKNOWN_VERSION("UnknownVersion", "the platform does not have that version"),
  TARGET_LOCKED("TargetLocked", "another run holds the target"),
  RUN_IN_PROGRESS("RunInProgress", "another run is changing the target"),
  INVALID_LESSON("InvalidLesson", "the lesson file is invalid"),
  VERSION_REFUSED("VersionRefused", "the lesson version is not a valid next version"),
  RENDER_FAILED("RenderFailed", "the lesson cannot be rendered"),
  NO_LESSON_POLICY("NoLessonPolicy", "the environment takes no lesson updates"),
  NO_ESCALATION_POLICY("NoEscalationPolicy", "the environment has no escalation policy for incidents"),
  NO_PROGRESS_STORE("NoProgressStore", "the environment has no progress store to migrate"),
  UNKNOWN_PLATFORM("UnknownPlatform", "the platform is not configured for multi-platform deploys in that environment"),
  // schema migration: the same failure types as contract.MigrationRefusal and SchemaMigrationPolicyActivities
  NO_SCHEMA_MIGRATION("NoSchemaMigrationTarget", "the environment has no schema-migration target database"),
  MIGRATIONS_FOLDER_MISSING("MigrationsFolderMissing", "the environment's migrations folder does not exist"),
  UNKNOWN_SCHEMA_TARGET("UnknownSchemaTarget", "no migration has the target schema version"),
  TARGET_NOT_ABOVE_CURRENT("TargetNotAboveCurrent", "the target schema version is at or below the database's"),
  APPLIED_MIGRATION_CHANGED("AppliedMigrationChanged", "an applied migration was edited or removed"),
  MIGRATIONS_INVALID("MigrationsInvalid", "Flyway's validation of the migrations failed"),
  ESCALATION_POLICY_MISMATCH("EscalationPolicyMismatch",
      "the escalation policy in the request is not the one configured for that service and environment"),
  NOT_STAGED("NotStaged", "the version has not yet succeeded in staging (always deploy to staging first)"),
  NO_RELEASE_POLICY("NoReleasePolicy", "the environment has no release policy");

  private final String failureType;
  private final String description;

  Refusal(String failureType, String description) {
    this.failureType = failureType;
    this.description = description;
  }

  /** The {@code ApplicationFailure} type this refusal travels as. */
  public String failureType() {
    return failureType;
  }

  /** What the refusal means, for people (the failure's message says the specifics). */
  public String description() {
    return description;
  }

  /** The refusal a failure type stands for; empty for a failure that is not a refusal. */
  public static Optional<Refusal> fromFailureType(String type) {
    return Arrays.stream(values()).filter(r -> r.failureType.equals(type)).findFirst();
  }
}
