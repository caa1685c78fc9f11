package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One check of a scheduled operation and what it found.
 *
 * @param check what kind of check ("service health", "database", "certificate expiry")
 * @param environment where it looked
 * @param target what it looked at (a service on a platform, a URL, a file)
 * @param passed whether it passed; a check that could not run did not pass
 * @param detail what it saw, for the report
 * @param millis how long it took
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(String check, String environment, String target, boolean passed, String detail,
    long millis) {

  public static CheckResult failed(String check, String environment, String target, String detail) {
    return new CheckResult(check, environment, target, false, detail, 0);
  }
}
