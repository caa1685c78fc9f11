package dev.runbook.starter.run;

import dev.runbook.starter.CliException;
import dev.runbook.starter.ExitCodes;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows one run to its end: polls the `status` query every interval (the wait for the result
 * doubles as the pause), hands every changed status to a listener, and returns the result, the
 * final status and the exit code.
 */
public final class RunFollower {

  /** Called with the previous status (null the first time) and the new one. */
  @FunctionalInterface
  public interface Listener {
    void onChange(RunbookStatus before, RunbookStatus now);
  }

  /**
   * How the run ended. {@code error} is set when the workflow itself failed: exit 4, or 64 when the
   * failure is a {@code refusal} (nothing moved).
   */
  public record Finish(
      String workflowId, String runId, RunbookStatus status, RunbookResult result, String error, Refusal refusal,
      int exitCode) {

    /** The outcome CI gates on: the result's, REFUSED for a refusal, FAILED for another failure. */
    public Outcome outcome() {
      if (result != null && result.outcome() != null) {
        return result.outcome();
      }
      return refusal != null ? Outcome.REFUSED : Outcome.FAILED;
    }
  }

  private final WorkflowClient client;
  private final Duration interval;

  public RunFollower(WorkflowClient client, Duration interval) {
    this.client = client;
    this.interval = interval;
  }

  /** Blocks until the run ends or {@code timeout} (null: no limit) passes (then exit 1). */
  public Finish follow(String workflowId, String runId, Listener listener, Duration timeout) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId, Optional.ofNullable(runId), Optional.empty());
    StatusReader reader = new StatusReader(client);
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    RunbookStatus last = null;
    while (true) {
      RunbookStatus now = poll(reader, workflowId, runId);
      if (now != null && !Objects.equals(now, last)) {
        listener.onChange(last, now);
        last = now;
      }
      try {
        RunbookResult result = stub.getResult(interval.toMillis(), TimeUnit.MILLISECONDS, RunbookResult.class);
        RunbookStatus fin = finalStatus(reader, workflowId, runId, last, listener);
        int code = ExitCodes.of(result == null ? null : result.outcome());
        return new Finish(workflowId, runId, fin, result, null, null, code);
      } catch (TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new CliException(
              ExitCodes.UNEXPECTED, "gave up following " + workflowId + " after " + timeout.toSeconds() + "s; it is still running");
        }
      } catch (WorkflowFailedException e) {
        RunbookStatus fin = finalStatus(reader, workflowId, runId, last, listener);
        Refusal refusal = Failures.refusal(e).orElse(null);
        int code = refusal != null ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
        return new Finish(workflowId, runId, fin, null, Failures.message(e), refusal, code);
      }
    }
  }

  private static RunbookStatus poll(StatusReader reader, String workflowId, String runId) {
    try {
      return reader.status(workflowId, runId);
    } catch (CliException e) {
      if (e.exitCode() == ExitCodes.BAD_INPUT) {
        throw e;
      }
      return null; // a slow or restarting worker: keep waiting for the result
    }
  }

  private static RunbookStatus finalStatus(
      StatusReader reader, String workflowId, String runId, RunbookStatus last, Listener listener) {
    RunbookStatus fin = reader.tryStatus(workflowId, runId);
    if (fin == null) {
      return last;
    }
    if (!Objects.equals(fin, last)) {
      listener.onChange(last, fin);
    }
    return fin;
  }
}
