package dev.runbook.activities.control;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.RunbookStatus;
import java.util.List;
import java.util.regex.Pattern;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.RunControlActivities;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts another run through the Temporal client (a manual rollback first stops the deploy that is
 * still going) and waits, heartbeating, until that run has finished its own rollback, so the two
 * never drive the platform at the same time. The abort is the signal every runbook takes; the run's
 * approvals audit (its status query) says whether it was accepted, so a refusal (the requester may
 * not abort in that environment) fails this run fast instead of waiting forever. The abort goes to
 * the exact run that was described, never to a newer run reusing the business-key id.
 */
public class RunControlActivitiesImpl implements RunControlActivities {
  private static final Logger log = LoggerFactory.getLogger(RunControlActivitiesImpl.class);
  private static final String STATUS_PREFIX = "WORKFLOW_EXECUTION_STATUS_";

  private final WorkflowClient client;
  private final Duration pollInterval;

  public RunControlActivitiesImpl(WorkflowClient client) {
    this(client, Duration.ofSeconds(1));
  }

  public RunControlActivitiesImpl(WorkflowClient client, Duration pollInterval) {
    this.client = client;
    this.pollInterval = pollInterval;
  }

  @Override
  public String abortRunAndWait(String workflowId, String approver, String reason) {
    if (workflowId == null || workflowId.isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure("workflowId of the run to abort is required", "InvalidAbort");
    }
    Optional<WorkflowExecutionDescription> current = describe(client.newUntypedWorkflowStub(workflowId));
    if (current.isEmpty() || current.get().getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      log.info("no running {} to abort", workflowId);
      return null;
    }
    return abortAndWait(workflowId, current.get().getExecution().getRunId(), approver, reason);
  }

  @Override
  public String abortExactRunAndWait(String workflowId, String runId, String approver, String reason) {
    if (workflowId == null || workflowId.isBlank() || runId == null || runId.isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure("workflowId and runId of the run to abort are required",
          "InvalidAbort");
    }
    WorkflowStub run = client.newUntypedWorkflowStub(workflowId, Optional.of(runId), Optional.empty());
    Optional<WorkflowExecutionDescription> current = describe(run);
    if (current.isEmpty()) {
      log.info("{} run {} is unknown; nothing to abort", workflowId, runId);
      return null;
    }
    if (current.get().getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return outcome(run, current.get().getStatus());
    }
    return abortAndWait(workflowId, runId, approver, reason);
  }

  /**
   * Sends run {@code runId} the abort signal, learns from its approvals audit (the status query)
   * whether the abort was accepted, and waits until the run has ended. A signal, not the update:
   * the signal is in the run's history before any workflow task handles it, while an update's
   * acceptance travels in the task's reply, and the embedded test server wedges a run whose reply
   * it rejects (an activity of the run finishing in that instant) after keeping the acceptance.
   */
  private String abortAndWait(String workflowId, String runId, String approver, String reason) {
    WorkflowStub run = client.newUntypedWorkflowStub(workflowId, Optional.of(runId), Optional.empty());
    try {
      int before = abortRecords(run, approver).size();
      run.signal("abort", new AbortRequest(approver, reason, workflowId));
      ApprovalRecord verdict = awaitVerdict(run, approver, before);
      if (verdict == null || verdict.accepted()) {
        log.info("aborted {} run {} as {}", workflowId, runId, approver);
      } else {
        refused(workflowId, runId, verdict.reason());
      }
    } catch (WorkflowNotFoundException finishedMeanwhile) {
      log.info("{} run {} finished before the abort arrived", workflowId, runId);
    }
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    WorkflowExecutionStatus status;
    while (true) {
      ctx.heartbeat(runId);
      status = describe(run).map(WorkflowExecutionDescription::getStatus)
          .orElse(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED);
      if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        break;
      }
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Activity.wrap(e);
      }
    }
    return outcome(run, status);
  }

  /** What the run's gate said of the refused abort decides: retry soon, wait for its end, or fail fast. */
  private static void refused(String workflowId, String runId, String why) {
    if (STILL_STARTING.matcher(why).find()) {
      // The run has not loaded its policy yet; a retry a moment later finds it ready.
      throw ApplicationFailure.newFailure("cannot abort " + workflowId + " yet: " + why, "RunStarting");
    }
    if (!ENDS_BY_ITSELF.matcher(why).find()) {
      // Waiting would never end: the run goes on unless someone allowed to abort it does.
      throw ApplicationFailure.newNonRetryableFailure("cannot abort " + workflowId + ": " + why
          + ". Ask an approver of that environment to run this, or abort it first.", "AbortRefused");
    }
    log.info("{} run {} refused the abort but will end by itself: {}", workflowId, runId, why);
  }

  /**
   * The gate's verdict on our abort: the first abort record by {@code approver} after the {@code
   * before} it already had; null when the run ended first. Heartbeats while it waits.
   */
  private ApprovalRecord awaitVerdict(WorkflowStub run, String approver, int before) {
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    while (true) {
      ctx.heartbeat(run.getExecution() == null ? null : run.getExecution().getRunId());
      Optional<WorkflowExecutionDescription> d = describe(run);
      if (d.isEmpty() || d.get().getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return null;
      }
      List<ApprovalRecord> records = abortRecords(run, approver);
      if (records.size() > before) {
        return records.get(before);
      }
      sleep();
    }
  }

  /** The run's abort records by {@code approver}, oldest first (its approvals audit, from the status query). */
  private static List<ApprovalRecord> abortRecords(WorkflowStub run, String approver) {
    RunbookStatus status = run.query("status", RunbookStatus.class);
    return status.approvals() == null ? List.of() : status.approvals().stream()
        .filter(a -> "abort".equals(a.action()) && approver.equals(a.approver())).toList();
  }

  private void sleep() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  @Override
  public String describeRunning(String workflowId) {
    Optional<WorkflowExecutionDescription> current = describe(client.newUntypedWorkflowStub(workflowId));
    if (current.isEmpty() || current.get().getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return null;
    }
    WorkflowExecutionDescription d = current.get();
    return d.getWorkflowType() + " run " + d.getExecution().getRunId() + " started " + d.getExecutionTime();
  }

  /** Refusals after which the run still ends soon without our abort: wait for it instead of failing. */
  private static final Pattern ENDS_BY_ITSELF =
      Pattern.compile("too late to abort|already being aborted|already finished|already rolling back");
  /** Refusals that go away within a second or two: retried, not failed. */
  private static final Pattern STILL_STARTING = Pattern.compile("still loading its policy|still starting");

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof ApplicationFailure af ? af.getOriginalMessage() : String.valueOf(t.getMessage());
  }

  /** The run's {@code RunbookResult} outcome when it completed, else its close status (FAILED, TERMINATED ...). */
  private static String outcome(WorkflowStub run, WorkflowExecutionStatus status) {
    if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      try {
        RunbookResult result = run.getResult(RunbookResult.class);
        if (result != null && result.outcome() != null) {
          return result.outcome().name();
        }
      } catch (WorkflowException | io.temporal.common.converter.DataConverterException e) {
        log.warn("could not read the result of {}: {}", run.getExecution(), e.toString());
      }
    }
    return status.name().startsWith(STATUS_PREFIX) ? status.name().substring(STATUS_PREFIX.length()) : status.name();
  }

  private static Optional<WorkflowExecutionDescription> describe(WorkflowStub stub) {
    try {
      return Optional.of(stub.describe());
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
