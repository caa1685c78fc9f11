package dev.runbook.workflows.lessonupdate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A lesson file that passed validation, classification and the render check.
 *
 * @param publishedVersion the version the store serves now, null for a first release
 * @param checksum SHA-256 (hex) of the YAML text, what makes publishing idempotent
 * @param changes the changelog entry of the new version
 * @param renderedLines lines of the rendered lesson (the render check's evidence)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonCandidate(
    String lessonId,
    String title,
    String version,
    String publishedVersion,
    LessonChange change,
    String checksum,
    List<String> changes,
    int renderedLines) {

  /** The seed's flag name for a major version: {@code lesson_v2_stock_basics_001}. */
  public String flagName() {
    return "lesson_v" + version.substring(0, version.indexOf('.')) + "_" + lessonId;
  }
}
