package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Input of SchemaMigration: migrate the environment's target database (the platform schema,
 * {@code platform-migrations/}) to {@code targetVersion}, a release of the platform schema such as
 * {@code 1.1}, optionally with a code release deployed as a child CodeDeploy while maintenance is on.
 * Paste into the Temporal UI as
 * {@code {"environment":"local","targetVersion":"1.1","proceedNow":true,"requestedBy":"alice"}}.
 *
 * @param releaseService the service of the code release that goes with the schema (null: none)
 * @param releaseVersion its version, e.g. v1.6.0 (given with releaseService or not at all)
 * @param maintenanceMessage what learners read while maintenance is on (null: {@link #defaultMessage})
 * @param proceedNow start without waiting for the low-traffic window (local, or an approver's decision)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaMigrationRequest(
    String environment,
    String targetVersion,
    String releaseService,
    String releaseVersion,
    String maintenanceMessage,
    Boolean proceedNow,
    String requestedBy,
    String requestId,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {
  /** The one target database of an environment today: the middle part of the workflow id. */
  public static final String DATABASE = "platform";
  public static final int MAX_MESSAGE_CHARS = 300;

  public SchemaMigrationRequest {
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public SchemaMigrationRequest(String environment, String targetVersion, String releaseService, String releaseVersion,
      String maintenanceMessage, Boolean proceedNow, String requestedBy, String requestId) {
    this(environment, targetVersion, releaseService, releaseVersion, maintenanceMessage, proceedNow, requestedBy,
        requestId, null);
  }

  public boolean hasRelease() {
    return releaseService != null || releaseVersion != null;
  }

  public boolean proceedsNow() {
    return Boolean.TRUE.equals(proceedNow);
  }

  /** The message learners see: the request's, or one naming the target version. */
  public String effectiveMessage() {
    return maintenanceMessage == null || maintenanceMessage.isBlank() ? defaultMessage(targetVersion) : maintenanceMessage;
  }

  public static String defaultMessage(String targetVersion) {
    return "Down for maintenance: upgrading the platform to schema " + targetVersion + ". Your progress is safe.";
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
