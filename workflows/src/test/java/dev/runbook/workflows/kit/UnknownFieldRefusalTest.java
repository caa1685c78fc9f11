package dev.runbook.workflows.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.workflows.api.CodeDeployRequest;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first-step check as a procedure will call it: an input sent with an unknown field fails the
 * run fast naming it, a clean input's history gets no marker, and a run recorded before the check
 * (which ignored the field) still replays.
 */
class UnknownFieldRefusalTest {
  private static final String QUEUE = "shape";
  private static final String UI_INPUT =
      "{\"service\":\"learning-api\",\"environment\":\"local\",\"version\":\"v1.5.1\",\"requestedby\":\"alice\"}";

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  @WorkflowInterface
  public interface ShapeCheck {
    @WorkflowMethod(name = "ShapeCheck")
    String run(CodeDeployRequest input);
  }

  /** What a procedure's first step does with the check. */
  public static class Checking implements ShapeCheck {
    @Override
    public String run(CodeDeployRequest input) {
      return proceed(UnknownFieldRefusal.addTo(List.of(), input));
    }
  }

  /** A release before the check: unknown fields ignored. */
  public static class BeforeTheCheck implements ShapeCheck {
    @Override
    public String run(CodeDeployRequest input) {
      return proceed(List.of());
    }
  }

  /** The check without its version marker: must break the replay of an older run. */
  public static class Unversioned implements ShapeCheck {
    @Override
    public String run(CodeDeployRequest input) {
      return proceed(dev.runbook.workflows.api.InputShape.unknownFieldProblems(input));
    }
  }

  private static String proceed(List<String> problems) {
    if (!problems.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure("invalid request: " + String.join("; ", problems), "InvalidRequest");
    }
    Workflow.sleep(Duration.ofMinutes(1));
    return "done";
  }

  private WorkflowStub start(Class<?> implementation, String id, String json) throws Exception {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(implementation);
    env.start();
    WorkflowStub stub = env.getWorkflowClient().newUntypedWorkflowStub("ShapeCheck",
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build());
    stub.start(new ObjectMapper().readTree(json)); // the JSON as the Temporal UI sends it
    return stub;
  }

  @Test
  void anUnknownFieldFailsTheRunNamingIt() throws Exception {
    WorkflowStub run = start(Checking.class, "deploy:learning-api:local", UI_INPUT);

    Throwable failed = catchThrowable(() -> run.getResult(String.class));

    assertThat(failed).isInstanceOf(WorkflowFailedException.class);
    ApplicationFailure cause = (ApplicationFailure) failed.getCause();
    assertThat(cause.isNonRetryable()).isTrue();
    assertThat(cause.getOriginalMessage())
        .isEqualTo("invalid request: CodeDeploy input has unknown field 'requestedby': did you mean requestedBy?");
  }

  @Test
  void aCleanInputRunsWithoutAMarker() throws Exception {
    WorkflowStub run = start(Checking.class, "clean", UI_INPUT.replace("requestedby", "requestedBy"));

    assertThat(run.getResult(String.class)).isEqualTo("done");
    WorkflowClient client = env.getWorkflowClient();
    assertThat(client.fetchHistory("clean").getEvents())
        .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED);
  }

  @Test
  void aRunRecordedBeforeTheCheckStillReplays() throws Exception {
    WorkflowStub run = start(BeforeTheCheck.class, "old", UI_INPUT);
    assertThat(run.getResult(String.class)).isEqualTo("done");
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("old");

    WorkflowReplayer.replayWorkflowExecution(history, Checking.class);
    assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, Unversioned.class))
        .as("without the marker the check would change a released run")
        .isInstanceOf(RuntimeException.class)
        .hasStackTraceContaining("NonDeterministicException");
  }
}
