package dev.runbook.activities.lessons;

import dev.runbook.lessons.SemanticVersion;
import java.time.Instant;

/** One row of {@code platform.lesson_versions}. */
record StoredVersion(
    String lessonId,
    String version,
    String contentYaml,
    String checksum,
    String changeKind,
    String storedBy,
    Instant archivedAt,
    Instant withdrawnAt,
    String withdrawnReason) {

  SemanticVersion semantic() {
    return SemanticVersion.parse(version);
  }

  boolean withdrawn() {
    return withdrawnAt != null;
  }
}
