package dev.runbook.starter.stack;

import java.io.IOException;
import dev.runbook.lessons.platform.PlatformMigrations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The runbook worker as a child process: its command line (the property names the worker binds),
 * and "ready" meaning {@code GET /actuator/health} answers 200.
 */
final class WorkerProcess {
  private final List<String> command;
  private final Path log;
  private final URI health;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile ChildProcess process;

  /** @param prometheusUrl the stack's Prometheus, or null (the configured default stays) */
  WorkerProcess(LocalStackOptions options, int port, String temporalAddress, String jdbcUrl, String sandboxAdminUrl,
      String prometheusUrl) {
    List<String> cmd = new ArrayList<>(List.of(
        LocalStack.java(), "-jar", options.workerJar().toString(),
        "--spring.profiles.active=local",
        "--server.port=" + port,
        "--spring.temporal.connection.target=" + temporalAddress,
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres",
        "--runbook.sandbox-url=" + sandboxAdminUrl,
        // the platform's migrations and the run's snapshots by absolute path: the worker's working
        // directory is whoever started the stack's (the repo root, or a test module)
        "--runbook.environments.local.schema-migration.migrations="
            + options.home().resolve(PlatformMigrations.FOLDER),
        "--runbook.snapshots.directory=" + options.logDir().resolve("snapshots")));
    if (prometheusUrl != null) {
      cmd.add("--runbook.prometheus-url=" + prometheusUrl);
    }
    cmd.addAll(options.extraWorkerArgs());
    this.command = List.copyOf(cmd);
    this.log = options.logDir().resolve("worker.log");
    this.health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
  }

  /** Launches the process (output appended to worker.log); {@link #awaitHealthy} waits for it. */
  ChildProcess launch() {
    process = ChildProcess.start("worker", command, log);
    return process;
  }

  /** Returns once health answers 200; fails with the log's tail if the worker exits or times out. */
  void awaitHealthy(Duration timeout, BooleanSupplier stopped) {
    ChildProcess p = process;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (stopped.getAsBoolean()) {
        throw new LocalStackException("the local stack was stopped");
      }
      if (!p.isAlive()) {
        throw new LocalStackException(
            "the worker exited (" + p.exitDescription() + ") before it was healthy\n" + LogTail.of(log, 40));
      }
      if (healthy()) {
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalStackException("interrupted while waiting for the worker");
      }
    }
    p.kill();
    throw new LocalStackException(
        "the worker did not answer " + health + " with 200 within " + timeout.toSeconds() + "s\n" + LogTail.of(log, 40));
  }

  private boolean healthy() {
    try {
      HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalStackException("interrupted while waiting for the worker");
    }
  }

  boolean isAlive() {
    ChildProcess p = process;
    return p != null && p.isAlive();
  }

  Long pid() {
    ChildProcess p = process;
    return p == null ? null : p.pid();
  }

  Path log() {
    return log;
  }

  /** SIGKILL, as a crash would. */
  void kill() {
    ChildProcess p = process;
    if (p != null) {
      p.kill();
    }
  }

  /** SIGTERM, then SIGKILL after the grace period. */
  void stop() {
    ChildProcess p = process;
    if (p != null) {
      p.stop();
    }
  }
}
