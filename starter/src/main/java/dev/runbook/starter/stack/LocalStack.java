package dev.runbook.starter.stack;

import io.temporal.client.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded local stack: Temporal (test server, real time) in this JVM, embedded Postgres, and
 * the sandbox and worker as child java processes from their jars. {@code runbook dev}, {@code
 * runbook demo} and integration tests start it with {@link #start}; {@link #close} (also run by a
 * JVM shutdown hook) stops every part and leaves no process behind.
 */
public final class LocalStack implements AutoCloseable {
  static final Pattern SANDBOX_READY =
      Pattern.compile("sandbox ready admin=(\\S+) router=(\\S+)(?: environments=(\\S+))?");
  static final Duration SANDBOX_READY_TIMEOUT = Duration.ofSeconds(60);

  private final LocalStackOptions options;
  private final Consumer<String> progress;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile EmbeddedTemporal temporal;
  private volatile LocalPostgres postgres;
  private volatile ChildProcess sandbox;
  private volatile WorkerProcess worker;
  private volatile PrometheusProcess prometheus;
  private volatile String sandboxAdminUrl;
  private volatile String routerUrl;
  private volatile String sandboxEnvironments;
  private volatile int workerPort;
  private Thread shutdownHook;

  private LocalStack(LocalStackOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Starts every part and returns once the worker is healthy; on failure stops what started. */
  public static LocalStack start(LocalStackOptions options) {
    return start(options, line -> {});
  }

  /** Like {@link #start(LocalStackOptions)}, reporting each step to {@code progress}. */
  public static LocalStack start(LocalStackOptions options, Consumer<String> progress) {
    LocalStack stack = new LocalStack(options, progress);
    try {
      stack.boot();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void boot() {
    requireJar(options.sandboxJar(), "sandbox");
    requireJar(options.workerJar(), "worker");
    if (options.stackFile() != null) {
      StaleStack.clear(options.stackFile(), progress);
    }
    if (options.shutdownHook()) {
      shutdownHook = new Thread(this::close, "runbook-stack-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    int temporalPort = Ports.orFree(options.temporalPort());
    progress.accept("starting Temporal (embedded test server, real time) on 127.0.0.1:" + temporalPort);
    temporal = EmbeddedTemporal.start(temporalPort);
    stopIfClosed(temporal::close);
    temporal.registerSearchAttributes();
    temporal.verifyUpsert();
    progress.accept("starting Postgres" + (options.ephemeral() ? " (ephemeral)" : " on port " + options.postgresPort()));
    postgres = LocalPostgres.start(options);
    stopIfClosed(postgres::close);
    progress.accept("deploying the platform schema: "
        + PlatformDeploy.apply(postgres.jdbcUrl()).migrationsExecuted + " migration(s) of platform-migrations/ applied");
    progress.accept("starting the sandbox");
    startSandbox();
    workerPort = Ports.orFree(options.workerPort());
    prometheus = PrometheusProcess.startFor(options, sandboxAdminUrl, workerPort, progress);
    stopIfClosed(() -> stopQuietly(prometheus == null ? null : prometheus.process()));
    worker = new WorkerProcess(options.withExtraWorkerArgs(ReleaseEnvironments.workerArgs(
        options.extraWorkerArgs(), routerUrl, sandboxEnvironments)), workerPort, temporalAddress(), jdbcUrl(),
        sandboxAdminUrl, prometheusUrl());
    startWorker();
    writeStackFile();
  }

  // ---- where things are

  /** host:port of the Temporal frontend, e.g. 127.0.0.1:7233. */
  public String temporalAddress() {
    return temporal.address();
  }

  /** Temporal namespace the stack registered its search attributes in. */
  public String namespace() {
    return EmbeddedTemporal.NAMESPACE;
  }

  /** The sandbox's admin API (what the worker's platform and metric activities call). */
  public String sandboxAdminUrl() {
    return sandboxAdminUrl;
  }

  /** The sandbox's weighted router (where user traffic goes). */
  public String routerUrl() {
    return routerUrl;
  }

  /** The worker's HTTP base URL (actuator, /api/runs). */
  public String workerUrl() {
    return "http://127.0.0.1:" + workerPort;
  }

  /** The stack's Prometheus (the worker's runbook.prometheus-url), or null when it runs none. */
  public String prometheusUrl() {
    return prometheus == null ? null : prometheus.url();
  }

  /** JDBC URL of the embedded Postgres, user postgres, no password. */
  public String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  /** Where sandbox.log, worker.log and postgres.log are written. */
  public Path logDir() {
    return options.logDir();
  }

  public LocalStackOptions options() {
    return options;
  }

  /** A client of the stack's Temporal (closed with the stack). */
  public WorkflowClient workflowClient() {
    return temporal.client();
  }

  // ---- the worker's life cycle (crash tests)

  public boolean workerAlive() {
    WorkerProcess w = worker;
    return w != null && w.isAlive();
  }

  /** Kills the worker with SIGKILL (kill -9), as a crash would, and waits until it is gone. */
  public synchronized void killWorker() {
    if (worker != null) {
      worker.kill();
    }
  }

  /** Starts the worker if it is not running and waits until /actuator/health answers 200. */
  public synchronized void startWorker() {
    checkOpen();
    if (workerAlive()) {
      return;
    }
    progress.accept("starting the worker on port " + workerPort);
    worker.launch();
    stopIfClosed(worker::kill);
    worker.awaitHealthy(options.workerReadyTimeout(), closed::get);
    if (options.stackFile() != null && Files.exists(options.stackFile())) {
      writeStackFile();
    }
  }

  /** Stops the worker gracefully (SIGTERM, then SIGKILL after 10 s) and starts it again. */
  public synchronized void restartWorker() {
    if (worker != null) {
      worker.stop();
    }
    startWorker();
  }

  /** Stops worker, sandbox, Prometheus, Postgres and Temporal (in that order); deletes the stack file. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (worker != null) {
      try {
        worker.stop();
      } catch (RuntimeException e) {
        System.err.println("runbook: the worker did not stop cleanly: " + e.getMessage());
      }
    }
    stopQuietly(sandbox);
    stopQuietly(prometheus == null ? null : prometheus.process());
    if (postgres != null) {
      postgres.close();
    }
    if (temporal != null) {
      try {
        temporal.close();
      } catch (RuntimeException e) {
        System.err.println("runbook: Temporal did not stop cleanly: " + e.getMessage());
      }
    }
    if (options.stackFile() != null) {
      StackFile.delete(options.stackFile());
    }
    if (temporal != null) {
      progress.accept("stopped");
    }
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down
      }
    }
  }

  public boolean isClosed() {
    return closed.get();
  }

  // ---- internals

  private void startSandbox() {
    List<String> command = SandboxCommand.of(options, postgres.port());
    ChildProcess child = ChildProcess.startWatching("sandbox", command, options.logDir().resolve("sandbox.log"), SANDBOX_READY);
    sandbox = child;
    stopIfClosed(child::kill);
    Matcher ready = child.awaitReady(SANDBOX_READY_TIMEOUT);
    sandboxAdminUrl = ready.group(1);
    routerUrl = ready.group(2);
    sandboxEnvironments = ready.group(3);
  }

  private void writeStackFile() {
    if (options.stackFile() == null) {
      return;
    }
    StackFile.write(
        options.stackFile(),
        new StackFile.Contents(temporalAddress(), sandboxAdminUrl, routerUrl, workerUrl(), jdbcUrl(), pids()));
  }

  /** The processes of the stack by role (see {@link StackPids}); those not running are left out. */
  public Map<String, Long> pids() {
    return StackPids.of(postgres, sandbox, worker, prometheus == null ? null : prometheus.process());
  }

  /**
   * A part started while {@link #close} ran may have been missed by it: stop it here. (close sets
   * the flag before it reads the fields; the boot assigns the field before it reads the flag.)
   */
  private void stopIfClosed(Runnable stop) {
    if (closed.get()) {
      stop.run();
      throw new LocalStackException("the local stack was stopped");
    }
  }

  private void checkOpen() {
    stopIfClosed(() -> {});
  }

  private static void stopQuietly(ChildProcess child) {
    if (child != null) {
      try {
        child.stop();
      } catch (RuntimeException e) {
        System.err.println("runbook: the " + child.name() + " did not stop cleanly: " + e.getMessage());
      }
    }
  }

  private static void requireJar(Path jar, String what) {
    if (!Files.isRegularFile(jar)) {
      throw new LocalStackException(
          "the " + what + " is not built: " + jar + " is missing (run ./runbook, or mvn -q -DskipTests package at the repo root)");
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
