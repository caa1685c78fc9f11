package dev.runbook.workflows.testing;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.EmergencyDeployRequest;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.lessonupdate.LessonUpdateWorkflow;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RollbackRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.api.TaskQueues;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflow;
import dev.runbook.workflows.emergency.EmergencyDeployWorkflow;
import dev.runbook.workflows.rollback.RollbackWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * One time-skipping Temporal test server per test (see {@link RunbookTest}), with the workflow types
 * the test class names and the fakes registered on the runbook task queue, and the custom search attributes registered (upserts fail
 * otherwise). Helpers start runs under their business ids, wait for a status, send signals and read
 * results and histories.
 */
public final class RunbookTestEnvironment implements AutoCloseable {
  public static final String SERVICE = FakePlatform.SERVICE;
  public static final String ENV = "production";
  public static final String DEPLOY_ID = Procedure.CODE_DEPLOY.workflowId(SERVICE, ENV);
  public static final String EMERGENCY_ID = Procedure.EMERGENCY_DEPLOY.workflowId(SERVICE, ENV);
  public static final String ROLLBACK_ID = Procedure.ROLLBACK.workflowId(SERVICE, ENV);
  /** Requests come from carol, so alice and bob may both approve in production. */
  public static final String REQUESTER = "carol";

  public final TestWorkflowEnvironment env;
  public final WorkflowClient client;
  public final Worker worker;
  public final FakePlatform platform = new FakePlatform();
  /** The platform activities: {@link #platform} everywhere, unless a test splits an environment off. */
  public final EnvironmentPlatforms platforms = new EnvironmentPlatforms(platform);
  public final FakeReleases releases = new FakeReleases(platforms);
  public final RecordingNotifier notifier = new RecordingNotifier();
  public final ScriptedWatch watch = new ScriptedWatch(platform, notifier);
  public final FakePolicyResolver policies = new FakePolicyResolver();
  public final RecordingRegistry registry = new RecordingRegistry();
  public final FakeStagingFirst stagingFirst = new FakeStagingFirst(registry);
  public final FakeRunControl runControl = new FakeRunControl();
  public final FakeIncidents incidents = new FakeIncidents();
  public final FakeLessonStore lessons = new FakeLessonStore();
  public final FakeProgressStore progress = new FakeProgressStore();
  public final FakeSchemaTarget schema = new FakeSchemaTarget();
  public final InMemoryTargetLocks locks = new InMemoryTargetLocks();
  public final FakeHostedPlatforms hosted = new FakeHostedPlatforms();
  public final FakeOperations operations = new FakeOperations();
  public final FakeInstances instances = new FakeInstances();
  public final WorkflowTaskHold taskHold = new WorkflowTaskHold();
  /** What the workflows counted (reported every 10 ms). */
  public final RecordingStatsReporter metrics = new RecordingStatsReporter();
  private final Class<?>[] workflowTypes;

  public RunbookTestEnvironment(Class<?>... workflowTypes) {
    this.workflowTypes = workflowTypes;
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setMetricsScope(new com.uber.m3.tally.RootScopeBuilder().reporter(metrics)
            .reportEvery(com.uber.m3.util.Duration.ofMillis(10)))
        // a fixed identity keeps host names out of the recorded golden histories
        .setWorkflowClientOptions(io.temporal.client.WorkflowClientOptions.newBuilder().setIdentity("runbook-tests").build())
        .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(taskHold).build()).build());
    SearchAttributeKeys.ALL.forEach(key ->
        env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    worker = env.newWorker(TaskQueues.RUNBOOK, WorkerOptions.newBuilder()
        // heartbeats reach the server at once, so a cancelled watch learns it in milliseconds
        // (the default throttle is 80% of the 30s heartbeat timeout)
        .setMaxHeartbeatThrottleInterval(Duration.ofMillis(50))
        .setDefaultHeartbeatThrottleInterval(Duration.ofMillis(50))
        // a test may hold a workflow task (WorkflowTaskHold) for longer than the 1s default
        .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis())
        .build());
    register(worker);
    // watches run on their own queue, as on the real worker
    env.newWorker(TaskQueues.WATCH, WorkerOptions.newBuilder().setMaxHeartbeatThrottleInterval(Duration.ofMillis(50))
        .setDefaultHeartbeatThrottleInterval(Duration.ofMillis(50)).build()).registerActivitiesImplementations(watch);
    client = env.getWorkflowClient();
    env.start();
  }

  private void register(Worker w) {
    w.registerWorkflowImplementationTypes(workflowTypes);
    w.registerActivitiesImplementations(platforms, policies, registry, notifier, runControl, lessons, progress, locks,
        incidents, hosted, releases, schema, instances, stagingFirst);
    w.registerActivitiesImplementations(operations);
  }

  // ---- starting runs ---------------------------------------------------------------------------

  public WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(TaskQueues.RUNBOOK).build();
  }

  public CodeDeployWorkflow startCodeDeploy(String version) {
    return startCodeDeploy(new CodeDeployRequest(SERVICE, ENV, version, REQUESTER, "ci-42"));
  }

  public CodeDeployWorkflow startCodeDeploy(CodeDeployRequest request) {
    CodeDeployWorkflow stub = client.newWorkflowStub(CodeDeployWorkflow.class, options(DEPLOY_ID));
    WorkflowClient.start(stub::deploy, request);
    return stub;
  }

  public EmergencyDeployWorkflow startEmergency(String version, String reason) {
    EmergencyDeployWorkflow stub = client.newWorkflowStub(EmergencyDeployWorkflow.class, options(EMERGENCY_ID));
    WorkflowClient.start(stub::deploy, new EmergencyDeployRequest(SERVICE, ENV, version, reason, REQUESTER, "pager-7"));
    return stub;
  }

  public RollbackWorkflow startRollback(String toVersion, String reason) {
    RollbackWorkflow stub = client.newWorkflowStub(RollbackWorkflow.class, options(ROLLBACK_ID));
    WorkflowClient.start(stub::rollback, new RollbackRequest(SERVICE, ENV, toVersion, reason, REQUESTER, null));
    return stub;
  }

  public static final String LESSON_ID = Procedure.LESSON_UPDATE.workflowId(FakeLessonStore.LESSON, ENV);

  /** Starts a lesson update of {@link FakeLessonStore#LESSON} in production; the store's candidate decides the rest. */
  public LessonUpdateWorkflow startLessonUpdate() {
    LessonUpdateWorkflow stub = client.newWorkflowStub(LessonUpdateWorkflow.class, options(LESSON_ID));
    WorkflowClient.start(stub::update, new LessonUpdateRequest(FakeLessonStore.LESSON, "01_understanding_stock_prices.yaml",
        "id: " + FakeLessonStore.LESSON + "\n", ENV, REQUESTER, "ci-7"));
    return stub;
  }

  public static final String PROGRESS_ID = Procedure.PROGRESS_MIGRATION.workflowId(
      dev.runbook.workflows.api.ProgressMigrationRequest.TABLE, ENV);

  /** Starts a progress migration of production with {@code batchSize} (null: the default). */
  public dev.runbook.workflows.progressmigration.ProgressMigrationWorkflow startProgressMigration(Integer batchSize) {
    var stub = client.newWorkflowStub(dev.runbook.workflows.progressmigration.ProgressMigrationWorkflow.class,
        options(PROGRESS_ID));
    WorkflowClient.start(stub::migrate, new dev.runbook.workflows.api.ProgressMigrationRequest(ENV, batchSize, REQUESTER,
        "ops-1"));
    return stub;
  }

  // ---- acting on runs --------------------------------------------------------------------------

  public RunbookControl control(String workflowId) {
    return client.newWorkflowStub(CodeDeployWorkflow.class, workflowId);
  }

  public RunbookStatus status(String workflowId) {
    return control(workflowId).status();
  }

  /** Polls the status query until {@code condition} holds (the run is driven by the test server). */
  public RunbookStatus awaitStatus(String workflowId, String description, Predicate<RunbookStatus> condition) {
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    RunbookStatus last = null;
    while (System.nanoTime() < giveUpAt) {
      last = status(workflowId);
      if (condition.test(last)) {
        return last;
      }
      if (last.phase() == Phase.DONE) {
        break;
      }
      sleepQuietly(10);
    }
    throw new AssertionError("run " + workflowId + " never reached: " + description + "; last status: phase="
        + (last == null ? null : last.phase()) + " outcome=" + (last == null ? null : last.outcome() + " "
        + last.outcomeReason()) + " log=" + (last == null ? null : last.log()));
  }

  /** Waits until one of two runs meets {@code condition} (the other may have ended); returns its id. */
  public String awaitStatusOfEither(String first, String second, Predicate<RunbookStatus> condition) {
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < giveUpAt) {
      for (String id : List.of(first, second)) {
        if (condition.test(status(id))) {
          return id;
        }
      }
      sleepQuietly(10);
    }
    throw new AssertionError("neither " + first + " nor " + second + " got there: " + status(first) + " / " + status(second));
  }

  public RunbookStatus awaitPhase(String workflowId, Phase phase) {
    return awaitStatus(workflowId, "phase " + phase, s -> s.phase() == phase);
  }

  /**
   * Waits until the run waits at a gate for step {@code stepName} (a fragment of its label) and
   * has settled there (its "waits for approval" notification done).
   */
  public RunbookStatus awaitApprovalOf(String workflowId, String stepName) {
    awaitStatus(workflowId, "awaiting approval of '" + stepName + "'", s -> s.phase() == Phase.AWAITING_APPROVAL
        && s.currentStep() != null && s.steps().get(s.currentStep() - 1).name().contains(stepName));
    awaitSettled(workflowId);
    return status(workflowId);
  }

  /**
   * Waits until no workflow task is in flight and every scheduled activity has closed, except
   * those of the given types (a held deploy, a blocked watch). Signals sent after this land on a
   * run that is blocked, not on one that is mid-step. (The time-skipping test server cannot take
   * a cancel request for an activity whose completion arrives during the same workflow task: the
   * task fails with ACTIVITY_UNKNOWN and the run is stuck, which a real server handles.)
   */
  public void awaitSettled(String workflowId, String... allowedPendingActivityTypes) {
    java.util.Set<String> allowed = java.util.Set.of(allowedPendingActivityTypes);
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String why = "";
    while (System.nanoTime() < giveUpAt) {
      List<HistoryEvent> events = history(workflowId).getEvents();
      java.util.Map<Long, String> pending = new java.util.HashMap<>();
      for (HistoryEvent e : events) {
        switch (e.getEventType()) {
          case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ->
              pending.put(e.getEventId(), e.getActivityTaskScheduledEventAttributes().getActivityType().getName());
          case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
              pending.remove(e.getActivityTaskCompletedEventAttributes().getScheduledEventId());
          case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
              pending.remove(e.getActivityTaskFailedEventAttributes().getScheduledEventId());
          case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT ->
              pending.remove(e.getActivityTaskTimedOutEventAttributes().getScheduledEventId());
          case EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
              pending.remove(e.getActivityTaskCanceledEventAttributes().getScheduledEventId());
          // a TRY_CANCEL activity (the watch) is over for the workflow once cancel is requested
          case EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED ->
              pending.remove(e.getActivityTaskCancelRequestedEventAttributes().getScheduledEventId());
          default -> { }
        }
      }
      EventType last = events.get(events.size() - 1).getEventType();
      boolean taskInFlight = last == EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED
          || last == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED;
      boolean activitiesSettled = allowed.containsAll(pending.values());
      if (!taskInFlight && activitiesSettled) {
        return;
      }
      why = "last event " + last + ", pending activities " + pending.values();
      sleepQuietly(10);
    }
    throw new AssertionError("run " + workflowId + " never settled: " + why);
  }

  /**
   * Delivers the signals sent by {@code send} in ONE workflow task: the workflow task that
   * schedules the next activity matching {@code whenScheduling} (after {@code trigger} runs) is
   * held in flight while they are sent, so the server buffers them for the next workflow task.
   */
  public void deliverTogether(BiPredicate<String, Object[]> whenScheduling, Runnable trigger, Runnable send) {
    taskHold.arm(whenScheduling);
    trigger.run();
    taskHold.awaitHeld();
    try {
      send.run();
    } finally {
      taskHold.release();
    }
  }

  public void promote(String workflowId, String approver) {
    control(workflowId).promote(new PromoteRequest(approver, null, null, null));
  }

  public void promoteFull(String workflowId, String approver) {
    control(workflowId).promote(new PromoteRequest(approver, true, null, null));
  }

  public void abort(String workflowId, String approver, String reason) {
    control(workflowId).abort(new AbortRequest(approver, reason, null));
  }

  public RunbookResult result(String workflowId) {
    try {
      return client.newUntypedWorkflowStub(workflowId).getResult(30, TimeUnit.SECONDS, RunbookResult.class);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("run " + workflowId + " did not finish: " + status(workflowId), e);
    }
  }

  public WorkflowStub untyped(String workflowId) {
    return client.newUntypedWorkflowStub(workflowId);
  }

  public WorkflowExecutionHistory history(String workflowId) {
    return client.fetchHistory(workflowId);
  }

  public List<HistoryEvent> events(String workflowId, EventType type) {
    return history(workflowId).getEvents().stream().filter(e -> e.getEventType() == type).toList();
  }

  /** Activity type names in scheduling order, e.g. "ShiftTraffic". */
  public List<String> activityTypes(String workflowId) {
    return events(workflowId, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).stream()
        .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName()).toList();
  }

  /** The search attribute value the run last upserted, or null. */
  public String searchAttribute(String workflowId, String name) {
    String value = null;
    for (HistoryEvent e : history(workflowId).getEvents()) {
      if (e.hasUpsertWorkflowSearchAttributesEventAttributes()) {
        var fields = e.getUpsertWorkflowSearchAttributesEventAttributes().getSearchAttributes().getIndexedFieldsMap();
        if (fields.containsKey(name)) {
          value = fields.get(name).getData().toStringUtf8().replace("\"", "");
        }
      }
    }
    return value;
  }

  public void sleep(Duration virtual) {
    env.sleep(virtual);
  }

  public static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    watch.releaseAll();
    taskHold.release();
    env.close();
  }
}
