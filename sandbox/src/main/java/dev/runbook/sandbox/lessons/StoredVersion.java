package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.SemanticVersion;

/**
 * One row of {@code lesson_versions}, without its content (fetched once per checksum).
 *
 * @param version as the store writes it ("2.0.0"); what progress documents record
 */
public record StoredVersion(String lessonId, String version, String checksum, boolean withdrawn) {

  public SemanticVersion semantic() {
    return SemanticVersion.parse(version);
  }
}
