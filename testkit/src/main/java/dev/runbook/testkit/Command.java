package dev.runbook.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a program to its end and keeps what it printed; a program that hangs is killed and reported. */
public record Command(List<String> argv, Path cwd, Consumer<Map<String, String>> environment) {

  public record Result(int exit, String out, String err) {
    public boolean ok() {
      return exit == 0;
    }

    public String describe(List<String> argv) {
      return String.join(" ", argv) + " exited " + exit + "\n" + out + err;
    }
  }

  public static Command of(Path cwd, String... argv) {
    return new Command(List.of(argv), cwd, env -> {});
  }

  public static Command of(Path cwd, List<String> argv) {
    return new Command(List.copyOf(argv), cwd, env -> {});
  }

  public Command withEnvironment(Consumer<Map<String, String>> change) {
    return new Command(argv, cwd, environment.andThen(change));
  }

  public Result run(Duration timeout) {
    try {
      Path out = Files.createTempFile("command", ".out");
      Path err = Files.createTempFile("command", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(cwd.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.accept(builder.environment());
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
          throw new AssertionError(String.join(" ", argv) + " did not finish within " + timeout.toSeconds() + " s\n"
              + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", argv) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + String.join(" ", argv), e);
    }
  }
}
