package dev.runbook.activities.incident;

import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentSeverity;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.contract.IncidentActivities;
import dev.runbook.workflows.incident.IncidentOpener;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens incidents for runbooks through the Temporal client, with the environment's escalation
 * policy from the worker's configuration copied into the incident's input: what the incident
 * pages by is fixed when it opens. An open incident of the same service and environment is joined
 * ({@link IncidentOpener}, the same code the CLI uses).
 */
public class IncidentActivitiesImpl implements IncidentActivities {
  private static final Logger log = LoggerFactory.getLogger(IncidentActivitiesImpl.class);

  private final WorkflowClient client;
  private final PolicyCatalog catalog;
  private final String taskQueue;

  public IncidentActivitiesImpl(WorkflowClient client, PolicyCatalog catalog, String taskQueue) {
    this.client = client;
    this.catalog = catalog;
    this.taskQueue = taskQueue;
  }

  @Override
  public IncidentJoin openIncident(IncidentRequest request) {
    EnvironmentSettings env = catalog.environment(request.environment()).orElseThrow(() ->
        ApplicationFailure.newNonRetryableFailure("unknown environment '" + request.environment() + "'; known: "
            + String.join(", ", catalog.environmentNames()), Refusal.UNKNOWN_ENVIRONMENT.failureType()));
    EscalationPolicy policy = request.escalation() != null ? request.escalation() : env.incident();
    if (policy == null) {
      throw ApplicationFailure.newNonRetryableFailure("environment '" + request.environment()
          + "' has no escalation policy (runbook.environments." + request.environment() + ".incident-response)",
          Refusal.NO_ESCALATION_POLICY.failureType());
    }
    try {
      IncidentJoin join = new IncidentOpener(client, id -> options(id, request))
          .openOrJoin(request.withEscalation(policy));
      log.info("{} incident {} for {}", join.joined() ? "joined" : "opened", join.workflowId(), request.source());
      return join;
    } catch (WorkflowUpdateException refused) {
      Throwable cause = refused.getCause() == null ? refused : refused.getCause();
      throw ApplicationFailure.newNonRetryableFailure("the open incident refused the page: " + cause.getMessage(),
          Refusal.INVALID_REQUEST.failureType());
    }
  }

  private WorkflowOptions options(String workflowId, IncidentRequest request) {
    String severity = IncidentSeverity.of(request.severity()).map(IncidentSeverity::label).orElse("sev?");
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(taskQueue)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(SearchAttributeKeys.SERVICE, request.service())
            .set(SearchAttributeKeys.ENVIRONMENT, request.environment())
            .set(SearchAttributeKeys.VERSION, severity)
            .set(SearchAttributeKeys.PROCEDURE, Procedure.INCIDENT_RESPONSE.cliName())
            .build())
        .setStaticSummary("incident " + severity + " " + request.service() + " → " + request.environment() + ": "
            + request.summary())
        .build();
  }
}
