package dev.runbook.lessons.progress;

import java.util.List;
import java.util.Map;

/**
 * A migrated document.
 *
 * @param document a new tree in the current schema; the input is never changed
 * @param fromVersion the schema version the input had
 * @param appliedSteps "0.9 → 1.0: ..." per step applied, in order; empty when already current
 * @param fingerprint the same before and after, by construction
 */
public record MigrationResult(Map<String, Object> document, String fromVersion, List<String> appliedSteps,
    ProgressFingerprint fingerprint) {
  public MigrationResult {
    appliedSteps = List.copyOf(appliedSteps);
  }

  public boolean migrated() {
    return !appliedSteps.isEmpty();
  }
}
