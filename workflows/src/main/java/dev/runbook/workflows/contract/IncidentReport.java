package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RunHeader;
import java.util.List;

/**
 * Incident report written after a rollback (seed 000: "Generates incident report"): the run's
 * header, the move it reports ({@code fromVersion} → {@code toVersion}), what triggered it and why.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentReport(
    RunHeader run,
    String fromVersion,
    String toVersion,
    String trigger,
    String reason,
    List<RuleObservation> observations,
    List<LogEntry> timeline,
    long createdAtMillis) {

  /**
   * Also reads the flat form that workflows before {@link RunHeader} scheduled, so a report write
   * still in flight across a worker upgrade is not lost.
   */
  @JsonCreator
  static IncidentReport fromJson(@JsonProperty("run") RunHeader run,
      @JsonProperty("workflowId") String workflowId, @JsonProperty("runId") String runId,
      @JsonProperty("procedure") String procedure, @JsonProperty("service") String service,
      @JsonProperty("environment") String environment, @JsonProperty("fromVersion") String fromVersion,
      @JsonProperty("toVersion") String toVersion, @JsonProperty("trigger") String trigger,
      @JsonProperty("reason") String reason, @JsonProperty("requestedBy") String requestedBy,
      @JsonProperty("observations") List<RuleObservation> observations,
      @JsonProperty("timeline") List<LogEntry> timeline, @JsonProperty("createdAtMillis") long createdAtMillis) {
    RunHeader header = run != null ? run
        : new RunHeader(procedure, workflowId, runId, service, environment, fromVersion, requestedBy, null, null, 0);
    return new IncidentReport(header, fromVersion, toVersion, trigger, reason, observations, timeline, createdAtMillis);
  }
}
