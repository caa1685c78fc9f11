package dev.runbook.starter;

import dev.runbook.starter.stack.EmbeddedTemporal;
import dev.runbook.workflows.api.TaskQueues;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

/**
 * A real Temporal test server on a free loopback port with stand-in workflows on the runbook task
 * queue, and the CLI pointed at it: what the CLI tests run against.
 */
final class TestTemporal implements AutoCloseable {
  private final EmbeddedTemporal temporal;
  private final WorkerFactory workers;

  private TestTemporal(EmbeddedTemporal temporal, WorkerFactory workers) {
    this.temporal = temporal;
    this.workers = workers;
  }

  static TestTemporal start(Class<?>... workflowTypes) throws IOException {
    return start(null, workflowTypes);
  }

  /** With {@code activities} answering every activity the workflows schedule on the runbook queue. */
  static TestTemporal start(io.temporal.activity.DynamicActivity activities, Class<?>... workflowTypes) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    EmbeddedTemporal temporal = EmbeddedTemporal.start(port);
    temporal.registerSearchAttributes();
    WorkerFactory workers = WorkerFactory.newInstance(temporal.client());
    io.temporal.worker.Worker runbook = workers.newWorker(TaskQueues.RUNBOOK);
    runbook.registerWorkflowImplementationTypes(workflowTypes);
    if (activities != null) {
      runbook.registerActivitiesImplementations(activities);
    }
    // a queue whose every activity fails as a release registry with its Postgres down does
    workers.newWorker(FakeCodeDeploy.FAILING).registerActivitiesImplementations(
        (io.temporal.activity.DynamicActivity) args -> {
          throw io.temporal.failure.ApplicationFailure.newFailure(
              "Connection to 127.0.0.1:54329 refused. Check that the hostname and port are correct", "PSQLException");
        });
    workers.start();
    return new TestTemporal(temporal, workers);
  }

  /** Runs the CLI against this server, without colours. */
  Cli.Result cli(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--address=" + temporal.address();
    all[args.length + 1] = "--no-color";
    return Cli.run(all);
  }

  String address() {
    return temporal.address();
  }

  io.temporal.client.WorkflowClient client() {
    return temporal.client();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    temporal.close();
  }
}
