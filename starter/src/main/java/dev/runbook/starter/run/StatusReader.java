package dev.runbook.starter.run;

import dev.runbook.starter.CliException;
import dev.runbook.starter.ExitCodes;
import dev.runbook.workflows.api.RunbookStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowStub;
import java.util.Optional;

/** Reads a run: does it exist, and what does its `status` query say. */
public final class StatusReader {
  private final WorkflowClient client;

  public StatusReader(WorkflowClient client) {
    this.client = client;
  }

  /** The latest run of {@code workflowId}; exit 64 "no run ..." when Temporal has none. */
  public WorkflowExecutionDescription describe(String workflowId) {
    try {
      return client.newUntypedWorkflowStub(workflowId).describe();
    } catch (RuntimeException e) {
      if (Failures.isNotFound(e)) {
        throw CliException.badInput("no run " + workflowId);
      }
      throw e;
    }
  }

  /** The `status` query of one run (runId null = latest). */
  public RunbookStatus status(String workflowId, String runId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId, Optional.ofNullable(runId), Optional.empty());
    try {
      return stub.query("status", RunbookStatus.class);
    } catch (RuntimeException e) {
      if (Failures.isNotFound(e)) {
        throw CliException.badInput("no run " + workflowId);
      }
      if (Failures.isUnavailable(e)) {
        throw e;
      }
      throw new CliException(
          ExitCodes.UNAVAILABLE,
          "run " + workflowId + " did not answer its status query: " + Failures.message(e)
              + " (is the runbook worker running?)",
          e);
    }
  }

  /** Like {@link #status} but null on any failure: for best-effort reads. */
  public RunbookStatus tryStatus(String workflowId, String runId) {
    try {
      return status(workflowId, runId);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
