package dev.runbook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.sandbox.catalog.QuietServices;
import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.api.TaskQueues;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every watch slot full, and an abort's compensation still runs. The worker has two watch slots
 * ({@code runbook.watch.slots=2}) and windows of minutes; three code deploys (of the sandbox's
 * quiet services svc-0001..3) reach their watch: two windows hold both slots, the third waits SCHEDULED on the watch
 * queue, visibly (pending state, queue and summary: what {@code runbook status} prints as
 * "queued: ... (no free worker slot)", and the slot gauges). The queued run is aborted and its
 * compensations (traffic back to stable) complete while the two other windows stay open.
 *
 * <p>Why this test can fail: the run queue's activity executor is capped here to the same two
 * slots ({@link SharedPeers#mainQueueCap}). If watches shared the run queue's slots, as before watches had
 * their own queue, the two open windows would hold both, the third run's deploy steps and then
 * its compensation would wait SCHEDULED behind windows of five minutes, and neither the queued
 * watch nor the abort's result would be reached within their bounds.
 */
@WorkerContextTest
class WatchSlotsTest {
  private static final String ENV = "slots";
  /**
   * The sandbox's quiet services (learning-api's releases, no traffic: a window stays open,
   * inconclusive): live version, and a healthy release to deploy.
   */
  static final Map<String, String[]> SERVICES = Map.of(
      QuietServices.name(1), new String[] {"v1.5.0", "v1.5.1"},
      QuietServices.name(2), new String[] {"v1.5.0", "v1.5.1"},
      QuietServices.name(3), new String[] {"v1.5.0", "v1.5.1"});

  @Autowired TestWorkflowEnvironment testEnv;
  @Autowired WorkflowClient client;
  @LocalServerPort int port;

  @Test
  void withEveryWatchSlotHeldAQueuedRunIsShownAsQueuedAndItsAbortStillCompensates() throws Exception {
    registerSearchAttributes();
    List<WorkflowStub> runs = new ArrayList<>();
    SERVICES.forEach((service, versions) -> runs.add(start(service, versions[1])));
    try {
      List<WorkflowStub> watching = new ArrayList<>();
      WorkflowStub queued = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((watching.size() < 2 || queued == null) && System.nanoTime() < deadline) {
        Thread.sleep(250);
        watching.clear();
        queued = null;
        for (WorkflowStub run : runs) {
          Optional<PendingActivityInfo> watch = pendingWatch(run);
          if (watch.isPresent() && watch.get().getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED) {
            watching.add(run);
          } else if (watch.isPresent()) {
            queued = run;
          }
        }
      }
      assertThat(watching).as("runs whose window holds a watch slot").hasSize(2);
      assertThat(queued).as("the run whose watch waits for a slot").isNotNull();

      // What `runbook status` reads to print "queued: <summary> on task queue runbook-watch ...".
      PendingActivityInfo waiting = pendingWatch(queued).orElseThrow();
      assertThat(waiting.getState()).isEqualTo(PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED);
      assertThat(waiting.getAttempt()).as("a first attempt no worker took, not a retry in backoff").isEqualTo(1);
      assertThat(waiting.hasScheduledTime()).isTrue();
      ActivityTaskScheduledEventAttributes scheduled = scheduledEvent(queued, waiting.getActivityId());
      assertThat(scheduled.getTaskQueue().getName()).isEqualTo(TaskQueues.WATCH);
      assertThat(awaitMetrics("runbook_watch_slots_in_use 2.0"))
          .contains("runbook_watch_slots_in_use 2.0").contains("runbook_watch_slots_available 0.0");

      queued.update("abortUpdate", Object.class, new AbortRequest("alice", "abort while queued", null));
      RunbookResult aborted = queued.getResult(30, TimeUnit.SECONDS, RunbookResult.class);
      assertThat(aborted.outcome()).isEqualTo(Outcome.ABORTED);
      String service = aborted.service();
      assertThat(LocalPeers.get(SharedPeers.SANDBOX.adminUrl() + "/api/services/" + service))
          .contains("\"version\":\"" + SERVICES.get(service)[0] + "\",\"role\":\"LIVE\",\"weight\":100");

      for (WorkflowStub run : watching) {
        assertThat(pendingWatch(run)).as("still watching").get()
            .extracting(PendingActivityInfo::getState).isEqualTo(PendingActivityState.PENDING_ACTIVITY_STATE_STARTED);
      }
      assertThat(LocalPeers.get(base() + "/actuator/prometheus")).contains("runbook_watch_slots_in_use 2.0");
    } finally {
      for (WorkflowStub run : runs) {
        try {
          run.terminate("test over");
        } catch (RuntimeException alreadyClosed) {
          // the aborted run
        }
      }
    }
  }

  private WorkflowStub start(String service, String version) {
    String id = Procedure.CODE_DEPLOY.workflowId(service, ENV);
    WorkflowStub stub = client.newUntypedWorkflowStub(Procedure.CODE_DEPLOY.workflowType(),
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.RUNBOOK).setWorkflowId(id).build());
    stub.start(new CodeDeployRequest(service, ENV, version, "alice", "slots-" + service));
    return stub;
  }

  private Optional<PendingActivityInfo> pendingWatch(WorkflowStub run) {
    return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder().setNamespace(client.getOptions().getNamespace())
                .setExecution(execution(run)).build())
        .getPendingActivitiesList().stream()
        .filter(a -> a.getActivityType().getName().equals("WatchRollout")).findFirst();
  }

  private ActivityTaskScheduledEventAttributes scheduledEvent(WorkflowStub run, String activityId) {
    WorkflowExecution execution = execution(run);
    return client.fetchHistory(execution.getWorkflowId(), execution.getRunId()).getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getActivityId().equals(activityId)).findFirst().orElseThrow();
  }

  private static WorkflowExecution execution(WorkflowStub run) {
    return run.getExecution();
  }

  /** Gauges are read when scraped; this only waits for the second window's start to be counted. */
  private String awaitMetrics(String expected) throws Exception {
    String metrics = LocalPeers.get(base() + "/actuator/prometheus");
    for (int i = 0; i < 40 && !metrics.contains(expected); i++) {
      Thread.sleep(250);
      metrics = LocalPeers.get(base() + "/actuator/prometheus");
    }
    return metrics;
  }

  private void registerSearchAttributes() {
    SearchAttributeKeys.ALL.forEach(key -> {
      try {
        testEnv.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      } catch (RuntimeException alreadyRegistered) {
        // registered by another test class sharing this context
      }
    });
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
