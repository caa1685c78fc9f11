package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A release's deployment log as archived in post-deployment (seed 004: "archive deployment
 * logs"): who released what where, the outcome so far, and every line of the run's log. The CLI
 * prints it with {@code runbook release log <workflow id>}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentLog(String workflowId, String runId, String service, String version, String environment,
    String requestedBy, String summary, List<String> lines) {

  public DeploymentLog {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
