package dev.runbook.starter.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A java child process of the stack (sandbox, worker) with its output in a log file. Stop is
 * SIGTERM, a grace period, then SIGKILL; kill is SIGKILL at once.
 */
final class ChildProcess {
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final Path log;
  private final CompletableFuture<Matcher> readyLine = new CompletableFuture<>();

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} with stdout and stderr appended to {@code log}. */
  static ChildProcess start(String name, List<String> command, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "=== " + name + ": " + String.join(" ", command) + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Process p = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
      return new ChildProcess(name, p, log);
    } catch (IOException e) {
      throw new LocalStackException("cannot start the " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts {@code command} and copies its output to {@code log} on a daemon thread, watching for
   * the first line that matches {@code ready}; {@link #awaitReady} waits for it.
   */
  static ChildProcess startWatching(String name, List<String> command, Path log, Pattern ready) {
    Process p;
    OutputStream sink;
    try {
      Files.createDirectories(log.getParent());
      sink = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      sink.write(("=== " + name + ": " + String.join(" ", command) + "\n").getBytes(StandardCharsets.UTF_8));
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new LocalStackException("cannot start the " + name + ": " + e.getMessage(), e);
    }
    ChildProcess child = new ChildProcess(name, p, log);
    Thread pump = new Thread(() -> pump(p, sink, ready, child.readyLine), name + "-log");
    pump.setDaemon(true);
    pump.start();
    return child;
  }

  /**
   * The match of the ready line; fails with the log's tail if the process exits or {@code timeout}
   * passes first (the process is then killed).
   */
  Matcher awaitReady(Duration timeout) {
    try {
      Matcher m = readyLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (m == null) {
        throw new LocalStackException(name + " exited (code " + exitCode(process) + ") before it was ready\n" + LogTail.of(log, 30));
      }
      return m;
    } catch (TimeoutException e) {
      kill();
      throw new LocalStackException(name + " was not ready after " + timeout.toSeconds() + "s\n" + LogTail.of(log, 30));
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new LocalStackException("interrupted while starting the " + name);
    } catch (ExecutionException e) {
      kill();
      throw new LocalStackException("cannot read the " + name + "'s output: " + e.getCause(), e.getCause());
    }
  }

  private static void pump(Process p, OutputStream sink, Pattern ready, CompletableFuture<Matcher> match) {
    try (sink;
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        sink.flush();
        if (!match.isDone()) {
          Matcher m = ready.matcher(line);
          if (m.find()) {
            match.complete(m);
          }
        }
      }
    } catch (IOException e) {
      match.completeExceptionally(e);
    } finally {
      match.complete(null);
    }
  }

  private static String exitCode(Process p) {
    try {
      return p.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(p.exitValue()) : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  String exitDescription() {
    return process.isAlive() ? "running" : "exit code " + process.exitValue();
  }

  /** SIGTERM, wait up to the grace period, then SIGKILL. Idempotent. */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
    }
  }

  /** SIGKILL (kill -9) and wait for the process to be gone. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
