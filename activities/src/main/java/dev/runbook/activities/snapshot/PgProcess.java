package dev.runbook.activities.snapshot;

import dev.runbook.activities.support.Heartbeats;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs a Postgres tool, or a pipeline of two (pg_restore into psql), with the environment the
 * target and the tools need. While waiting it heartbeats the progress (bytes so far), so a long
 * dump or restore shows it is alive and a cancellation kills the processes and is rethrown.
 * Standard error goes to a file (a full pipe never blocks the tool); its tail is in the failure.
 */
final class PgProcess {
  private static final long SLICE_MILLIS = 1_000;
  private static final int ERROR_TAIL = 4_000;

  /** How the last process of the run ended; {@code error} is the standard error of all of them. */
  record Result(int exit, String error, boolean timedOut) {
    boolean ok() {
      return exit == 0 && !timedOut;
    }
  }

  private PgProcess() {}

  static Result run(List<List<String>> pipeline, Consumer<Map<String, String>> environment, Duration timeout,
      LongSupplier progress) throws IOException {
    Path err = Files.createTempFile("runbook-pg", ".err");
    List<Process> processes = new ArrayList<>();
    try {
      List<ProcessBuilder> builders = new ArrayList<>();
      for (List<String> argv : pipeline) {
        ProcessBuilder b = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        environment.accept(b.environment());
        builders.add(b);
      }
      builders.get(0).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builders.get(builders.size() - 1).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      processes.addAll(ProcessBuilder.startPipeline(builders));
      boolean finished = waitFor(processes, timeout, progress);
      if (!finished) {
        kill(processes);
      }
      int exit = finished ? worstExit(processes) : -1;
      return new Result(exit, tail(err), !finished);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** A pipeline fails when any of its processes fails (pg_restore's error is not psql's success). */
  private static int worstExit(List<Process> processes) throws IOException {
    int exit = 0;
    for (Process p : processes) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      exit = exit != 0 ? exit : p.exitValue();
    }
    return exit;
  }

  private static boolean waitFor(List<Process> processes, Duration timeout, LongSupplier progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Process last = processes.get(processes.size() - 1);
    try {
      while (true) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        if (last.waitFor(Math.min(left, SLICE_MILLIS), TimeUnit.MILLISECONDS)) {
          return true;
        }
        Heartbeats.beat(progress.getAsLong());
      }
    } catch (ActivityCompletionException cancelled) {
      kill(processes);
      throw cancelled;
    } catch (InterruptedException e) {
      kill(processes);
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private static void kill(List<Process> processes) {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    return text.length() <= ERROR_TAIL ? text : "..." + text.substring(text.length() - ERROR_TAIL);
  }
}
