package dev.runbook.starter.incident;

import dev.runbook.starter.CliException;
import dev.runbook.starter.run.Approvals;
import dev.runbook.starter.run.Failures;
import dev.runbook.workflows.api.IncidentAck;
import dev.runbook.workflows.api.IncidentCommand;
import dev.runbook.workflows.api.IncidentView;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.util.concurrent.TimeUnit;

/** The incident commands' calls: the {@code incident} query and the updates, errors mapped to exit codes. */
final class IncidentRuns {
  private static final long OPEN_WAIT_MILLIS = 15_000;

  private final WorkflowClient client;
  private final Approvals updates;

  IncidentRuns(WorkflowClient client) {
    this.client = client;
    this.updates = new Approvals(client);
  }

  IncidentView view(String workflowId) {
    try {
      IncidentView view = client.newUntypedWorkflowStub(workflowId).query("incident", IncidentView.class);
      if (view == null) {
        throw CliException.badInput(workflowId + " has no incident (it was refused at open: runbook status "
            + workflowId + ")");
      }
      return view;
    } catch (RuntimeException e) {
      if (Failures.isNotFound(e)) {
        throw CliException.badInput("no incident " + workflowId);
      }
      throw e;
    }
  }

  IncidentAck acknowledge(String workflowId, IncidentCommand command) {
    return updates.update(workflowId, "acknowledge", IncidentAck.class, command);
  }

  IncidentView resolve(String workflowId, IncidentCommand command) {
    return updates.update(workflowId, "resolve", IncidentView.class, command);
  }

  IncidentView fileReport(String workflowId, IncidentCommand command) {
    return updates.update(workflowId, "report", IncidentView.class, command);
  }

  /**
   * Waits until the run has opened its incident; a run refused at open (unknown service or
   * environment, no escalation policy) is bad input with the run's reason.
   */
  void awaitOpened(String workflowId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OPEN_WAIT_MILLIS);
    while (System.nanoTime() < giveUpAt) {
      try {
        stub.getResult(200, TimeUnit.MILLISECONDS, Object.class);
        return; // ended already: nothing was refused
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        if (stub.query("incident", IncidentView.class) != null) {
          return;
        }
      } catch (WorkflowFailedException refused) {
        throw CliException.badInput(Failures.message(refused.getCause() == null ? refused : refused.getCause()));
      }
    }
  }
}
