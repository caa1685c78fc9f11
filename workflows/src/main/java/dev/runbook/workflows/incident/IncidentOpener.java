package dev.runbook.workflows.incident;

import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentState;
import dev.runbook.workflows.api.Procedure;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import java.util.function.Function;

/**
 * Client side (never called from workflow code): opens the incident of a service and environment,
 * or joins the one already open. It starts {@code incident:<service>:<env>}; when that id is
 * running, it sends the {@code page} update instead and reports {@code joined=true}. A run that
 * closes between the two is started anew. Shared by the CLI and the activity runbooks open
 * incidents with, so both behave alike.
 */
public final class IncidentOpener {
  private final WorkflowClient client;
  private final Function<String, WorkflowOptions> options;

  /** @param options the start options for a workflow id (task queue, search attributes, summary) */
  public IncidentOpener(WorkflowClient client, Function<String, WorkflowOptions> options) {
    this.client = client;
    this.options = options;
  }

  /**
   * @throws WorkflowUpdateException when the open incident refuses the page (its reason is the
   *     cause's message)
   */
  public IncidentJoin openOrJoin(IncidentRequest request) {
    String id = Procedure.INCIDENT_RESPONSE.workflowId(request);
    RuntimeException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        IncidentResponseWorkflow stub = client.newWorkflowStub(IncidentResponseWorkflow.class, options.apply(id));
        WorkflowClient.start(stub::respond, request);
        return new IncidentJoin(id, false, IncidentState.OPEN, request.severity());
      } catch (WorkflowExecutionAlreadyStarted running) {
        try {
          return client.newWorkflowStub(IncidentResponseWorkflow.class, id).page(request);
        } catch (WorkflowNotFoundException closedMeanwhile) {
          last = closedMeanwhile; // it closed between the start and the page: start a new one
        }
      }
    }
    throw last;
  }
}
