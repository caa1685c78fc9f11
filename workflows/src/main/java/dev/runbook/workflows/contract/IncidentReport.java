package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.RuleObservation;
import java.util.List;

/** Incident report written after a rollback (seed 000: "Generates incident report"). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentReport(
    String workflowId,
    String runId,
    String procedure,
    String service,
    String environment,
    String fromVersion,
    String toVersion,
    String trigger,
    String reason,
    String requestedBy,
    List<RuleObservation> observations,
    List<LogEntry> timeline,
    long createdAtMillis) {}
