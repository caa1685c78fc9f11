package dev.runbook.worker;

import dev.runbook.sandbox.Sandbox;
import dev.runbook.workflows.api.TaskQueues;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * What the {@link WorkerContextTest} worker runs on: embedded Postgres with the platform schema
 * and the in-process sandbox (with three quiet services for WatchSlotsTest's windows), started
 * once per test JVM, stopped with it (the embedded Postgres's shutdown hook; the sandbox's threads
 * end with the JVM). WorkerEndToEndTest deploys learning-api in {@code itest}, WatchSlotsTest the
 * quiet services in {@code slots}: their runs never meet.
 */
@TestConfiguration(proxyBeanMethods = false)
class SharedPeers {
  static final EmbeddedPostgres POSTGRES = LocalPeers.startPostgres();
  static final Sandbox SANDBOX = LocalPeers.startSandbox(WatchSlotsTest.SERVICES.size());

  @Bean
  DynamicPropertyRegistrar peers() {
    return registry -> LocalPeers.register(registry, POSTGRES, SANDBOX);
  }

  /**
   * The run queue gets as few activity slots as the watch queue: the device by which
   * WatchSlotsTest can fail (see its class comment). WorkerEndToEndTest's runs come one at a time
   * and never need more.
   */
  @Bean
  WorkerOptionsCustomizer mainQueueCap() {
    return (options, workerName, taskQueue) -> TaskQueues.RUNBOOK.equals(taskQueue)
        ? options.setMaxConcurrentActivityExecutionSize(2) : options;
  }
}
