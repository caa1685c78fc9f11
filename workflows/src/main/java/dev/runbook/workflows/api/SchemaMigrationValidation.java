package dev.runbook.workflows.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks of a {@link SchemaMigrationRequest}, shared by the CLI (exit 64) and the workflow (a
 * non-retryable refusal before anything changes). Whether the environment has a target database and
 * the version a migration is resolved later, by the worker. Pure code: no I/O.
 */
public final class SchemaMigrationValidation {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  /** A platform schema release as Flyway reads it: 1.1, 1.10, 2, 2.0.1. */
  private static final Pattern SCHEMA_VERSION = Pattern.compile("(0|[1-9]\\d{0,5})(\\.(0|[1-9]\\d{0,5})){0,3}");

  private SchemaMigrationValidation() {}

  public static boolean isSchemaVersion(String v) {
    return v != null && SCHEMA_VERSION.matcher(v).matches();
  }

  public static List<String> problems(SchemaMigrationRequest r) {
    if (r == null) {
      return List.of("input is missing: expected {\"environment\":...,\"targetVersion\":\"1.1\"}");
    }
    List<String> problems = new ArrayList<>();
    if (r.environment() == null || !NAME.matcher(r.environment()).matches()) {
      problems.add("environment '" + r.environment() + "' is not an environment name (lowercase letters, digits, '-')");
    }
    if (r.targetVersion() == null || r.targetVersion().isBlank()) {
      problems.add("targetVersion is required: the platform schema release to migrate to, e.g. 1.1");
    } else if (!isSchemaVersion(r.targetVersion())) {
      problems.add("targetVersion '" + r.targetVersion() + "' is not a schema version like 1.1 (numbers separated by"
          + " dots, no leading v)");
    }
    release(r, problems);
    if (r.maintenanceMessage() != null) {
      if (r.maintenanceMessage().isBlank()) {
        problems.add("maintenanceMessage is blank: leave it out for the default message");
      } else if (r.maintenanceMessage().length() > SchemaMigrationRequest.MAX_MESSAGE_CHARS) {
        problems.add("maintenanceMessage has " + r.maintenanceMessage().length() + " characters; at most "
            + SchemaMigrationRequest.MAX_MESSAGE_CHARS);
      }
    }
    if (r.requestedBy() != null && !RequestValidation.isIdentity(r.requestedBy())) {
      problems.add("requestedBy '" + r.requestedBy() + "' is not an identity (letters, digits, . _ @ -)");
    }
    return problems;
  }

  private static void release(SchemaMigrationRequest r, List<String> problems) {
    if (!r.hasRelease()) {
      return;
    }
    if (r.releaseService() == null || !NAME.matcher(r.releaseService()).matches()) {
      problems.add("releaseService '" + r.releaseService() + "' is not a service name (lowercase letters, digits, '-');"
          + " a release needs both service and version, e.g. learning-api and v1.6.0");
    }
    if (r.releaseVersion() == null || !RequestValidation.isVersion(r.releaseVersion())) {
      problems.add("releaseVersion '" + r.releaseVersion() + "' is not a release version like v1.6.0"
          + " (v + MAJOR.MINOR.PATCH); a release needs both service and version");
    }
  }
}
