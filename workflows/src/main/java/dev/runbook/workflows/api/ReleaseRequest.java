package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Input of Release (seed 004): one version of a service through the environments in order, dev
 * then staging then production, up to {@code through}, each with the five phases. Paste into the
 * Temporal UI as {@code {"service":"learning-api","version":"v1.5.1","through":"staging","requestedBy":"alice"}}.
 *
 * @param through the last environment: dev, staging or production (null: production)
 * @param lessons lesson files published in each environment's deployment phase, each as a
 *     LessonUpdate child (seed 004's content deployment); null or empty for none
 * @param migration the platform schema release the deployment migrates to first, as a
 *     schema-migration child (e.g. 1.1); null for none
 * @param reason why; required for a production code deploy of a version not yet successful in
 *     staging (the staging-first rule)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseRequest(
    String service,
    String version,
    String through,
    List<ReleaseLesson> lessons,
    String migration,
    String reason,
    String requestedBy,
    String requestId,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {
  /** The environments a release goes through, in order. */
  public static final List<String> ENVIRONMENTS = List.of("dev", "staging", "production");

  public ReleaseRequest {
    // not List.copyOf: a null element must reach the validator, not fail decoding
    lessons = lessons == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(lessons));
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public ReleaseRequest(String service, String version, String through, List<ReleaseLesson> lessons, String migration,
      String reason, String requestedBy, String requestId) {
    this(service, version, through, lessons, migration, reason, requestedBy, requestId, null);
  }

  /** The last environment of this release (production when not named). */
  public String lastEnvironment() {
    return through == null || through.isBlank() ? "production" : through;
  }

  /** The environments this release goes through, in order; empty when {@code through} is unknown. */
  public List<String> environments() {
    int last = ENVIRONMENTS.indexOf(lastEnvironment());
    return last < 0 ? List.of() : ENVIRONMENTS.subList(0, last + 1);
  }

  /** A lesson file of a release: its id, file name and content, as a LessonUpdate takes them. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReleaseLesson(String lessonId, String lessonFile, String lessonYaml) {}

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
