package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One check of a release phase: what was checked, whether it passed, what was seen. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhaseCheck(String name, boolean passed, String detail) {

  /** "name: detail", prefixed with FAILED when it did not pass. */
  public String line() {
    return (passed ? "" : "FAILED ") + name + ": " + detail;
  }
}
