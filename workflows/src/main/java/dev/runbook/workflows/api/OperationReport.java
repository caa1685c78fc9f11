package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The report of one scheduled operation's run, kept in the run (query {@code report}) and in the
 * runbook's database (table {@code operation_reports}); the CLI prints it as Markdown or JSON.
 *
 * @param operation the procedure's CLI name ("health-check")
 * @param measurements named figures (the DR test's recovery times in ms); may be empty
 * @param actions what the run did about its findings (an incident opened, a notification sent)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationReport(String operation, String workflowId, String runId, String environment,
    String requestedBy, long startedAtMillis, long finishedAtMillis, List<CheckResult> checks,
    Map<String, Long> measurements, List<String> actions) {

  public OperationReport {
    checks = checks == null ? List.of() : List.copyOf(checks);
    measurements = measurements == null ? Map.of() : Map.copyOf(measurements);
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  @JsonIgnore
  public List<CheckResult> failures() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }

  @JsonIgnore
  public boolean passed() {
    return failures().isEmpty();
  }

  /** One line: "12 of 14 checks passed; failed: service health local/bot (...)". */
  @JsonIgnore
  public String summary() {
    List<CheckResult> failed = failures();
    return (checks.size() - failed.size()) + " of " + checks.size() + " checks passed"
        + (failed.isEmpty() ? "" : "; failed: " + String.join("; ", failed.stream()
            .map(c -> c.check() + " " + c.environment() + "/" + c.target() + " (" + c.detail() + ")").toList()));
  }
}
