package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether the platform has a release, asked before anything moves. {@code UNKNOWN} when the
 * platform cannot tell (no check configured, the check itself failed): the deploy step decides then.
 *
 * @param detail what the platform said, e.g. "learning-api has v1.5.0, v1.5.1, v1.6.0"
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseCheck(String version, Availability availability, String detail) {

  /** What the check found. */
  public enum Availability {
    AVAILABLE,
    MISSING,
    UNKNOWN
  }

  /** True only when the platform said it does not have the version: refuse the run. */
  public boolean missing() {
    return availability == Availability.MISSING;
  }
}
