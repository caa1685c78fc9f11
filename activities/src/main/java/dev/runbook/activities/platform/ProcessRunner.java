package dev.runbook.activities.platform;

import dev.runbook.activities.support.Heartbeats;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one argv (never a shell string) with a timeout. Output goes to temp files rather than pipes
 * so a chatty command cannot block on a full pipe buffer. While waiting it heartbeats, so an abort
 * reaches a long {@code kubectl rollout status}: the process tree is killed and the cancellation
 * rethrown.
 */
public final class ProcessRunner {
  private static final long MAX_OUTPUT_BYTES = 1 << 20;
  private static final long SLICE_MILLIS = 2_000;

  /** How a command ended. {@code timedOut} commands have exit code -1. */
  public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {}

  private ProcessRunner() {}

  /**
   * @throws IOException when the program cannot be started (not installed, not executable)
   */
  public static Result run(List<String> argv, Duration timeout, File workingDirectory) throws IOException {
    Path out = Files.createTempFile("runbook-cmd", ".out");
    Path err = Files.createTempFile("runbook-cmd", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(argv)
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      if (workingDirectory != null) {
        builder.directory(workingDirectory);
      }
      Process process = builder.start();
      process.getOutputStream().close(); // no stdin: a command that prompts gets EOF instead of hanging
      boolean finished = waitFor(process, timeout);
      if (!finished) {
        kill(process);
      }
      return new Result(finished ? process.exitValue() : -1, read(out), read(err), !finished);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static boolean waitFor(Process process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        if (process.waitFor(Math.min(left, SLICE_MILLIS), TimeUnit.MILLISECONDS)) {
          return true;
        }
        Heartbeats.beat(null);
      }
    } catch (ActivityCompletionException cancelled) {
      kill(process);
      throw cancelled;
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String read(Path file) throws IOException {
    long size = Files.size(file);
    byte[] bytes;
    if (size <= MAX_OUTPUT_BYTES) {
      bytes = Files.readAllBytes(file);
    } else {
      try (var in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) MAX_OUTPUT_BYTES);
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
