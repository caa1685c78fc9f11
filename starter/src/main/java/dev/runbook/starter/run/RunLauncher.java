package dev.runbook.starter.run;

import dev.runbook.starter.CliException;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.SearchAttributeKeys;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;

/**
 * Starts a run of any procedure from its registry entry, one run per business key: when the id is taken
 * by a run of the same request (a CI retry) it follows that run, otherwise it refuses with the
 * command that would clear the way.
 */
public final class RunLauncher {

  /** The run this command now owns; {@code followed} when another attempt had started it. */
  public record Started(String workflowId, String runId, boolean followed) {}

  private final WorkflowClient client;
  private final String taskQueue;

  public RunLauncher(WorkflowClient client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  public Started start(RunSpec spec) {
    WorkflowOptions options = options(spec);
    try {
      WorkflowExecution execution = startRun(spec, options);
      return new Started(spec.workflowId(), execution.getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      String runId = e.getExecution().getRunId();
      RunbookStatus other = new StatusReader(client).tryStatus(spec.workflowId(), runId);
      if (other != null && spec.requestId().equals(other.requestId())) {
        return new Started(spec.workflowId(), runId, true);
      }
      throw CliException.badInput(alreadyRunning(spec, runId, other));
    }
  }

  /** How {@code spec}'s run is started: id, task queue, search attributes, UI summary. */
  public WorkflowOptions options(RunSpec spec) {
    SearchAttributes.Builder attributes =
        SearchAttributes.newBuilder()
            .set(SearchAttributeKeys.SERVICE, spec.service())
            .set(SearchAttributeKeys.ENVIRONMENT, spec.environment())
            .set(SearchAttributeKeys.PROCEDURE, spec.procedure().cliName());
    if (spec.version() != null) {
      attributes.set(SearchAttributeKeys.VERSION, spec.version());
    }
    return WorkflowOptions.newBuilder()
        .setWorkflowId(spec.workflowId())
        .setTaskQueue(taskQueue)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setTypedSearchAttributes(attributes.build())
        .setStaticSummary(spec.summary())
        .setStaticDetails(spec.details())
        .build();
  }

  /** Any procedure: the registry names the workflow type, the request is its method's argument. */
  private WorkflowExecution startRun(RunSpec spec, WorkflowOptions options) {
    WorkflowStub stub = client.newUntypedWorkflowStub(spec.procedure().workflowType(), options);
    return stub.start(spec.workflowInput());
  }

  /** "learning-api in production already has a run: deploy:... (run ..., code-deploy v1.5.1 started by alice); ..." */
  static String alreadyRunning(RunSpec spec, String runId, RunbookStatus other) {
    StringBuilder what = new StringBuilder("run ").append(runId);
    if (other != null) {
      String procedure = other.procedure() == null
          ? spec.procedure().cliName()
          : Procedure.fromWorkflowType(other.procedure()).map(Procedure::cliName).orElse(other.procedure());
      what.append(", ").append(procedure);
      if (other.version() != null) {
        what.append(' ').append(other.version());
      }
      if (other.requestedBy() != null) {
        what.append(" started by ").append(other.requestedBy());
      }
    }
    return spec.service() + " in " + spec.environment() + " already has a run: " + spec.workflowId()
        + " (" + what + "); wait for it or abort it with: runbook abort " + spec.workflowId()
        + " --as NAME --reason ...";
  }
}
