package dev.runbook.activities.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real time (no time skipping: a running activity does not hold the test server's clock back), a
 * one-second heartbeat timeout and a start-to-close of an hour: an activity is retried early only
 * through its heartbeat timeout.
 */
class ActivityHeartbeatInterceptorTest {
  private static final String QUEUE = "steps";

  @ActivityInterface
  public interface SlowActivities {
    /** Works {@code millis} on the first attempt (or until released); returns its attempt number. */
    int work(long millis);
  }

  @WorkflowInterface
  public interface CallsSlowActivity {
    @WorkflowMethod
    int call(long millis);
  }

  public static class CallsSlowActivityImpl implements CallsSlowActivity {
    private final SlowActivities activities = Workflow.newActivityStub(SlowActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(1)).setHeartbeatTimeout(Duration.ofSeconds(1))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(100)).setMaximumAttempts(3).build())
        .build());

    @Override
    public int call(long millis) {
      return activities.work(millis);
    }
  }

  /** The first attempt never heartbeats itself; it ends after its work or when {@link #release} opens. */
  static final class SlowActivitiesImpl implements SlowActivities {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch firstStarted = new CountDownLatch(1);
    final CountDownLatch firstReturned = new CountDownLatch(1);

    @Override
    public int work(long millis) {
      int attempt = Activity.getExecutionContext().getInfo().getAttempt();
      if (attempt == 1) {
        firstStarted.countDown();
        awaitUninterruptibly(millis);
        firstReturned.countDown();
      }
      return attempt;
    }

    private void awaitUninterruptibly(long millis) {
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      while (System.nanoTime() < until && release.getCount() > 0) {
        try {
          release.await(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ignored) {
          // a crashed process does not answer either: keep "running" until released
        }
      }
    }
  }

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
      TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
  private final SlowActivitiesImpl activities = new SlowActivitiesImpl();
  private final List<ActivityHeartbeatInterceptor> interceptors = new java.util.ArrayList<>();
  private final List<WorkerFactory> factories = new java.util.ArrayList<>();

  @AfterEach
  void stop() {
    activities.release.countDown();
    factories.forEach(WorkerFactory::shutdownNow);
    interceptors.forEach(ActivityHeartbeatInterceptor::close);
    env.close();
  }

  @Test
  void aSlowActivityKeepsHeartbeatingAndFinishesOnItsFirstAttempt() {
    startWorker(Set.of(QUEUE));
    assertThat(run(3_000)).as("attempt that completed").isEqualTo(1);
  }

  @Test
  void anActivityOnAQueueLeftOutIsNotHeartbeatedAndTimesOut() {
    startWorker(Set.of("watch"));
    assertThat(run(3_000)).as("attempt that completed").isEqualTo(2);
  }

  @Test
  void anActivityWhoseWorkerStopsIsRetriedAfterTheHeartbeatTimeoutNotTheStartToClose() throws Exception {
    WorkerFactory crashing = startWorker(Set.of(QUEUE));
    WorkflowClient client = env.getWorkflowClient();
    CallsSlowActivity run = client.newWorkflowStub(CallsSlowActivity.class, options("crash"));
    WorkflowClient.start(run::call, Duration.ofHours(1).toMillis());
    assertThat(activities.firstStarted.await(20, TimeUnit.SECONDS)).as("first attempt started").isTrue();
    crashing.shutdownNow(); // its attempt hangs on, unheard: nothing reaches the server from it any more
    startWorker(Set.of(QUEUE));

    assertThat(io.temporal.client.WorkflowStub.fromTyped(run).getResult(60, TimeUnit.SECONDS, Integer.class))
        .as("attempt that completed").isEqualTo(2);
    // attempt 1 never reported anything (it still hangs): only its heartbeat timeout, not the
    // hour-long start-to-close, can have ended it
    assertThat(activities.firstReturned.getCount()).as("first attempt still hanging").isEqualTo(1);
  }

  private int run(long millis) {
    CallsSlowActivity run = env.getWorkflowClient().newWorkflowStub(CallsSlowActivity.class, options("slow"));
    return run.call(millis);
  }

  private WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build();
  }

  private WorkerFactory startWorker(Set<String> beatQueues) {
    ActivityHeartbeatInterceptor interceptor = new ActivityHeartbeatInterceptor(beatQueues, Duration.ofMillis(200));
    interceptors.add(interceptor);
    WorkerFactory factory = WorkerFactory.newInstance(env.getWorkflowClient(),
        WorkerFactoryOptions.newBuilder().setWorkerInterceptors(interceptor).build());
    factories.add(factory);
    var worker = factory.newWorker(QUEUE, WorkerOptions.newBuilder()
        .setMaxHeartbeatThrottleInterval(Duration.ofMillis(200))
        // the test server never times out a stopped worker's sticky queue
        .setStickyQueueScheduleToStartTimeout(Duration.ZERO).build());
    worker.registerWorkflowImplementationTypes(CallsSlowActivityImpl.class);
    worker.registerActivitiesImplementations(activities);
    factory.start();
    return factory;
  }
}
