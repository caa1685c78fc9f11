package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The checks one phase activity ran (pre-deployment, verification); it passed when all did. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhaseReport(List<PhaseCheck> checks) {

  public PhaseReport {
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().allMatch(PhaseCheck::passed);
  }

  /** The checks that failed, one line each, joined. */
  public String failures() {
    return String.join("; ", checks.stream().filter(c -> !c.passed()).map(PhaseCheck::line).toList());
  }
}
