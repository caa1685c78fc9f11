package dev.runbook.activities.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.activities.control.AbortableWorkflow;
import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the Temporal test server: the exact run is asked about, not the latest run of its id. */
class TemporalHolderLivenessTest {
  private static final String QUEUE = "lock-test";

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private HolderLiveness liveness;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(AbortableWorkflow.Impl.class);
    env.start();
    client = env.getWorkflowClient();
    liveness = new TemporalHolderLiveness(client);
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private WorkflowExecution start(String workflowId) {
    AbortableWorkflow run = client.newWorkflowStub(AbortableWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    return WorkflowClient.start(run::run, false);
  }

  @Test
  void aRunningRunIsOpenAndATerminatedOneClosed() {
    WorkflowExecution run = start("free-id-1");
    assertThat(liveness.isOpen(run.getWorkflowId(), run.getRunId())).isTrue();

    client.newUntypedWorkflowStub(run.getWorkflowId()).terminate("holder crashed");
    assertThat(liveness.isOpen(run.getWorkflowId(), run.getRunId())).isFalse();
  }

  @Test
  void aCompletedRunIsClosedEvenWhenANewRunReusesItsId() {
    WorkflowExecution first = start("deploy:learning-api:local");
    WorkflowStub stub = client.newUntypedWorkflowStub(first.getWorkflowId());
    stub.signal("abort", new AbortRequest("bob", "done", first.getWorkflowId()));
    stub.getResult(RunbookResult.class);
    assertThat(liveness.isOpen(first.getWorkflowId(), first.getRunId())).isFalse();

    WorkflowExecution second = start("deploy:learning-api:local");
    assertThat(liveness.isOpen(first.getWorkflowId(), first.getRunId())).isFalse();
    assertThat(liveness.isOpen(second.getWorkflowId(), second.getRunId())).isTrue();
  }

  @Test
  void aRunTheServerDoesNotKnowIsClosed() {
    assertThat(liveness.isOpen("never-started", UUID.randomUUID().toString())).isFalse();
  }
}
