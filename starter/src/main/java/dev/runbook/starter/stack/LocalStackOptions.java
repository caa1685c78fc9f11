package dev.runbook.starter.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start the local stack. {@link #dev} is `runbook dev`: fixed ports, Postgres data kept
 * under .runbook/state/pg, a stack file other commands read. {@link #ephemeral} is for the demo
 * and integration tests: free ports everywhere, Postgres in a temp dir deleted on close, no stack
 * file. Adjust either with the {@code with...} methods.
 *
 * @param home repository root (where the worker and sandbox jars are built)
 * @param ephemeral temp Postgres data dir and random Postgres port
 * @param temporalPort 0 = a free port
 * @param postgresPort used when not ephemeral
 * @param sandboxPort 0 = the sandbox picks
 * @param routerPort 0 = the sandbox picks
 * @param workerPort 0 = a free port
 * @param logDir where sandbox.log, worker.log and postgres.log go
 * @param stackFile where to write stack.json; null = do not write one
 * @param workerReadyTimeout how long the worker may take to answer /actuator/health with 200
 * @param extraWorkerArgs appended to the worker's command line (e.g. "--runbook.x=y")
 * @param extraSandboxArgs appended to the sandbox's command line
 * @param shutdownHook close the stack when the JVM exits (SIGINT, SIGTERM, System.exit)
 * @param prometheusBin a Prometheus binary to run on loopback scraping the sandbox and the worker
 *     (the worker's {@code runbook.prometheus-url} points at it); null = no Prometheus
 * @param prometheusPort its port (0 = a free one)
 */
public record LocalStackOptions(
    Path home,
    boolean ephemeral,
    int temporalPort,
    int postgresPort,
    int sandboxPort,
    int routerPort,
    int workerPort,
    Path logDir,
    Path stackFile,
    Duration workerReadyTimeout,
    List<String> extraWorkerArgs,
    List<String> extraSandboxArgs,
    boolean shutdownHook,
    Path prometheusBin,
    int prometheusPort) {

  public static final Duration DEFAULT_WORKER_READY_TIMEOUT = Duration.ofSeconds(90);

  public LocalStackOptions {
    home = home.toAbsolutePath().normalize();
    extraWorkerArgs = List.copyOf(extraWorkerArgs);
    extraSandboxArgs = List.copyOf(extraSandboxArgs);
  }

  /** The port of `runbook dev --prometheus`. */
  public static final int DEV_PROMETHEUS_PORT = 7390;

  /**
   * `runbook dev`: Temporal 7233, Postgres 54329 (data kept), sandbox 7300/7301 with a sandbox each for a
   * release's dev, staging and production, worker 8081, Prometheus 7390 when on.
   */
  public static LocalStackOptions dev(Path home) {
    return new LocalStackOptions(
        home, false, 7233, 54329, 7300, 7301, 8081,
        RunbookHome.logDir(home), RunbookHome.stateDir(home).resolve("stack.json"),
        DEFAULT_WORKER_READY_TIMEOUT, List.of(), ReleaseEnvironments.SANDBOX_ARGS, true, null, DEV_PROMETHEUS_PORT);
  }

  /** Demo and tests: free ports, throw-away Postgres, no stack file, logs in .runbook/logs/ephemeral. */
  public static LocalStackOptions ephemeral(Path home) {
    return new LocalStackOptions(
        home, true, 0, 0, 0, 0, 0,
        RunbookHome.logDir(home).resolve("ephemeral"), null,
        DEFAULT_WORKER_READY_TIMEOUT, List.of(), List.of(), true, null, 0);
  }

  public Path workerJar() {
    return home.resolve(RunbookHome.WORKER_JAR);
  }

  public Path sandboxJar() {
    return home.resolve(RunbookHome.SANDBOX_JAR);
  }

  /** Postgres data directory when not ephemeral. */
  public Path postgresDataDir() {
    return RunbookHome.stateDir(home).resolve("pg");
  }

  public LocalStackOptions withTemporalPort(int port) {
    return new LocalStackOptions(home, ephemeral, port, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, shutdownHook, prometheusBin, prometheusPort);
  }

  public LocalStackOptions withWorkerPort(int port) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, port, logDir, stackFile, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, shutdownHook, prometheusBin, prometheusPort);
  }

  public LocalStackOptions withLogDir(Path dir) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, dir, stackFile, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, shutdownHook, prometheusBin, prometheusPort);
  }

  public LocalStackOptions withStackFile(Path file) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, file, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, shutdownHook, prometheusBin, prometheusPort);
  }

  public LocalStackOptions withWorkerReadyTimeout(Duration timeout) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, timeout, extraWorkerArgs, extraSandboxArgs, shutdownHook, prometheusBin, prometheusPort);
  }

  public LocalStackOptions withExtraWorkerArgs(List<String> args) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, workerReadyTimeout, args, extraSandboxArgs, shutdownHook, prometheusBin, prometheusPort);
  }

  public LocalStackOptions withExtraSandboxArgs(List<String> args) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, workerReadyTimeout, extraWorkerArgs, args, shutdownHook, prometheusBin, prometheusPort);
  }

  /** Runs {@code binary} as the stack's Prometheus (null = none). */
  public LocalStackOptions withPrometheus(Path binary) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, shutdownHook, binary, prometheusPort);
  }

  /** Where the stack's Prometheus keeps its configuration and data. */
  public Path prometheusDir() {
    return ephemeral ? logDir.resolve("prometheus") : RunbookHome.stateDir(home).resolve("prometheus");
  }

  public LocalStackOptions withShutdownHook(boolean hook) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, hook, prometheusBin, prometheusPort);
  }
}
