package dev.runbook.workflows.schedules;

import dev.runbook.workflows.api.OperationRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the daily health check under its workflow type: records each start through an
 * activity (activities run once; a replay does not record again), runs as long as the test says
 * and fails when told to.
 */
@WorkflowInterface
public interface FakeJob {
  @WorkflowMethod(name = "DailyHealthCheck")
  RunbookResult check(OperationRequest request);

  /** What the test scripts and what it sees. */
  @ActivityInterface
  interface Script {
    /** Records a start; returns {runSeconds, fail (0/1)} for it. */
    List<Long> started(String requestId, long atMillis);
  }

  final class Recorder implements Script {
    final List<Long> startedAt = new CopyOnWriteArrayList<>();
    final List<String> requestIds = new CopyOnWriteArrayList<>();
    volatile long runSeconds = 60;
    volatile boolean fail;

    @Override
    public List<Long> started(String requestId, long atMillis) {
      startedAt.add(atMillis);
      requestIds.add(requestId);
      return List.of(runSeconds, fail ? 1L : 0L);
    }
  }

  class Impl implements FakeJob {
    @Override
    public RunbookResult check(OperationRequest request) {
      Script script = Workflow.newActivityStub(Script.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10)).build());
      List<Long> how = script.started(request.requestId(), Workflow.currentTimeMillis());
      Workflow.sleep(Duration.ofSeconds(how.get(0)));
      if (how.get(1) == 1L) {
        throw ApplicationFailure.newNonRetryableFailure("2 of 5 checks failed", "HealthChecksFailed");
      }
      return new RunbookResult(Workflow.getInfo().getWorkflowId(), "health-check", Outcome.SUCCEEDED, "5 of 5 checks passed",
          "daily", request.environment(), null, null, null, null);
    }
  }
}
