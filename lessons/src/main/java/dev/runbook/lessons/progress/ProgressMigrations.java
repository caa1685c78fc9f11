package dev.runbook.lessons.progress;

import dev.runbook.lessons.SemanticVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of user-progress schema migrations (seed 001's {@code ProgressMigrationManager}).
 * A later schema adds one {@link ProgressMigrationStep} and moves {@link #CURRENT_SCHEMA_VERSION}.
 *
 * <p>Unlike the seed, an unknown version fails with a message instead of stopping half-way, the
 * input document is never changed (the seed's shallow copy changed nested lessons in place), and
 * each step is checked to keep the user's {@link ProgressFingerprint}.
 */
public final class ProgressMigrations {
  public static final String CURRENT_SCHEMA_VERSION = "1.0";
  /** Documents without {@code schema_version} predate versioning: schema 0.9 (as the seed assumes). */
  public static final String VERSION_WHEN_ABSENT = "0.9";

  private final String current;
  private final Map<String, ProgressMigrationStep> byFrom = new LinkedHashMap<>();

  private ProgressMigrations(String current, List<ProgressMigrationStep> steps) {
    this.current = Objects.requireNonNull(current, "current");
    for (ProgressMigrationStep step : steps) {
      if (step.from().equals(step.to())) {
        throw new IllegalArgumentException("step " + step.from() + " → " + step.to() + " goes nowhere");
      }
      if (step.from().equals(current)) {
        throw new IllegalArgumentException("step from " + current + " starts at the current schema version");
      }
      if (byFrom.putIfAbsent(step.from(), step) != null) {
        throw new IllegalArgumentException("two steps start from schema version " + step.from());
      }
    }
    for (String from : byFrom.keySet()) {
      Set<String> seen = new HashSet<>();
      String v = from;
      while (!v.equals(current)) {
        ProgressMigrationStep step = byFrom.get(v);
        if (step == null) {
          throw new IllegalArgumentException("no step from schema version " + v + " (reached from " + from
              + ") towards " + current);
        }
        if (!seen.add(v)) {
          throw new IllegalArgumentException("the steps from schema version " + from + " go round in a circle");
        }
        v = step.to();
      }
    }
  }

  /** The registry this release runs: 0.9 → 1.0. */
  public static ProgressMigrations standard() {
    return of(CURRENT_SCHEMA_VERSION, List.of(new SchemaV09ToV10()));
  }

  /** A registry migrating to {@code current}; refuses gaps, forks and cycles. */
  public static ProgressMigrations of(String current, List<ProgressMigrationStep> steps) {
    return new ProgressMigrations(current, steps);
  }

  public String currentVersion() {
    return current;
  }

  /** Every schema version this registry reads, ordered. */
  public Set<String> knownVersions() {
    Set<String> versions = new TreeSet<>(byFrom.keySet());
    versions.add(current);
    return versions;
  }

  /** Migrates a progress document to the current schema without changing the input. */
  public MigrationResult migrate(Map<String, ?> document) {
    Objects.requireNonNull(document, "document");
    String user = String.valueOf(document.get("user_id"));
    String from = schemaVersionOf(document, user);
    ProgressFingerprint fingerprint = ProgressFingerprint.of(document);
    Map<String, Object> doc = DocumentTrees.deepCopy(document);
    List<String> applied = new ArrayList<>();
    String version = from;
    while (!version.equals(current)) {
      ProgressMigrationStep step = byFrom.get(version);
      if (step == null) {
        throw unknown(user, version);
      }
      doc = step.apply(doc);
      String label = step.from() + " → " + step.to();
      if (!step.to().equals(doc.get("schema_version"))) {
        throw new ProgressMigrationException("step " + label + " left schema_version at "
            + doc.get("schema_version") + " for user " + user);
      }
      ProgressFingerprint after = ProgressFingerprint.of(doc);
      if (!after.equals(fingerprint)) {
        throw new ProgressMigrationException("step " + label + " would change user " + user
            + "'s XP or completions: before " + fingerprint + ", after " + after + "; nothing was migrated");
      }
      applied.add(label + ": " + step.description());
      version = step.to();
    }
    return new MigrationResult(doc, from, applied, fingerprint);
  }

  private String schemaVersionOf(Map<String, ?> document, String user) {
    Object v = document.get("schema_version");
    if (v == null) {
      return VERSION_WHEN_ABSENT;
    }
    if (!(v instanceof String) && !(v instanceof Number)) {
      throw new ProgressMigrationException("user " + user + ": schema_version must be text such as \""
          + current + "\", not " + v);
    }
    String text = String.valueOf(v).strip();
    if (!text.equals(current) && !byFrom.containsKey(text)) {
      throw unknown(user, text);
    }
    return text;
  }

  private UnknownSchemaVersionException unknown(String user, String version) {
    String newer = SemanticVersion.tryParse(version)
        .filter(v -> SemanticVersion.tryParse(current).map(c -> v.compareTo(c) > 0).orElse(false))
        .map(v -> " (written by a newer release? this one reads schema " + current + " and older)")
        .orElse("");
    return new UnknownSchemaVersionException("user " + user + ": progress schema_version '" + version
        + "' is unknown; known versions are " + String.join(", ", knownVersions()) + newer, version);
  }
}
