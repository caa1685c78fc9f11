package dev.runbook.workflows.schedules;

import dev.runbook.workflows.api.TaskQueues;
import dev.runbook.workflows.testing.RecordingNotifier;
import dev.runbook.workflows.testing.RecordingStatsReporter;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A time-skipping test server with the fallback scheduler, {@link FakeJob} under the health
 * check's type and a recording notifier. The worker keeps no workflow cache: every workflow task
 * replays the whole history, as a worker that restarted would, so a fire that is not pinned down
 * by history would show up twice.
 */
final class SchedulerRig implements AutoCloseable {
  final RecordingStatsReporter metrics = new RecordingStatsReporter();
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
      .setMetricsScope(new com.uber.m3.tally.RootScopeBuilder().reporter(metrics)
          .reportEvery(com.uber.m3.util.Duration.ofMillis(10)))
      .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build()).build());
  final FakeJob.Recorder job = new FakeJob.Recorder();
  final RecordingNotifier notifier = new RecordingNotifier();
  final WorkflowClient client;

  SchedulerRig() {
    Worker worker = env.newWorker(TaskQueues.RUNBOOK);
    worker.registerWorkflowImplementationTypes(SchedulerWorkflowImpl.class, FakeJob.Impl.class);
    worker.registerActivitiesImplementations(job, notifier);
    client = env.getWorkflowClient();
    env.start();
  }

  SchedulerWorkflow start(SchedulerState state) {
    SchedulerWorkflow stub = client.newWorkflowStub(SchedulerWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(state.job().schedulerWorkflowId()).setTaskQueue(TaskQueues.RUNBOOK).build());
    WorkflowClient.start(stub::run, state);
    return stub;
  }

  SchedulerWorkflow start(ScheduledJob job) {
    return start(SchedulerState.start(job));
  }

  static ScheduledJob daily(Overlap overlap, boolean pauseOnFailure) {
    return new ScheduledJob("daily-health-check", "health-check", "all", "0 6 * * *", overlap, 3600, pauseOnFailure);
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  void sleep(Duration d) {
    env.sleep(d);
  }

  /** Polls the schedule's query until {@code condition} holds. */
  ScheduleView await(SchedulerWorkflow stub, String what, Predicate<ScheduleView> condition) {
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    ScheduleView last = null;
    while (System.nanoTime() < giveUpAt) {
      last = stub.describe();
      if (last != null && condition.test(last)) {
        return last;
      }
      RunbookTestEnvironment.sleepQuietly(20);
    }
    throw new AssertionError("schedule never reached: " + what + "; last: " + last);
  }

  @Override
  public void close() {
    env.close();
  }
}
