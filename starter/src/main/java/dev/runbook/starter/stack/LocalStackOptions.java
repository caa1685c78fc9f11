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
    boolean shutdownHook) {

  public static final Duration DEFAULT_WORKER_READY_TIMEOUT = Duration.ofSeconds(90);

  public LocalStackOptions {
    home = home.toAbsolutePath().normalize();
    extraWorkerArgs = List.copyOf(extraWorkerArgs);
    extraSandboxArgs = List.copyOf(extraSandboxArgs);
  }

  /** `runbook dev`: Temporal 7233, Postgres 54329 (data kept), sandbox 7300/7301, worker 8081. */
  public static LocalStackOptions dev(Path home) {
    return new LocalStackOptions(
        home, false, 7233, 54329, 7300, 7301, 8081,
        RunbookHome.logDir(home), RunbookHome.stateDir(home).resolve("stack.json"),
        DEFAULT_WORKER_READY_TIMEOUT, List.of(), List.of(), true);
  }

  /** Demo and tests: free ports, throw-away Postgres, no stack file, logs in .runbook/logs/ephemeral. */
  public static LocalStackOptions ephemeral(Path home) {
    return new LocalStackOptions(
        home, true, 0, 0, 0, 0, 0,
        RunbookHome.logDir(home).resolve("ephemeral"), null,
        DEFAULT_WORKER_READY_TIMEOUT, List.of(), List.of(), true);
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
    return new LocalStackOptions(home, ephemeral, port, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, shutdownHook);
  }

  public LocalStackOptions withWorkerPort(int port) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, port, logDir, stackFile, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, shutdownHook);
  }

  public LocalStackOptions withLogDir(Path dir) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, dir, stackFile, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, shutdownHook);
  }

  public LocalStackOptions withStackFile(Path file) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, file, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, shutdownHook);
  }

  public LocalStackOptions withWorkerReadyTimeout(Duration timeout) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, timeout, extraWorkerArgs, extraSandboxArgs, shutdownHook);
  }

  public LocalStackOptions withExtraWorkerArgs(List<String> args) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, workerReadyTimeout, args, extraSandboxArgs, shutdownHook);
  }

  public LocalStackOptions withExtraSandboxArgs(List<String> args) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, workerReadyTimeout, extraWorkerArgs, args, shutdownHook);
  }

  public LocalStackOptions withShutdownHook(boolean hook) {
    return new LocalStackOptions(home, ephemeral, temporalPort, postgresPort, sandboxPort, routerPort, workerPort, logDir, stackFile, workerReadyTimeout, extraWorkerArgs, extraSandboxArgs, hook);
  }
}
