package dev.runbook.e2e;

import dev.runbook.starter.deploy.Promtool;
import dev.runbook.starter.stack.LocalStackOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * The one embedded stack every e2e test class shares: starting a stack costs about half a minute
 * on 2 cores, so the test JVM starts it once, on first use, and closes it when the test plan ends
 * (this class is also a JUnit listener, registered in META-INF/services; the stack's JVM shutdown
 * hook is the fallback).
 *
 * <p>A new {@code *StackTest} calls {@link #driver()} in its {@code @BeforeAll} and never closes
 * it. Runs of different classes must not meet: give yours services (copies in {@link #catalog})
 * or an environment (e2e-environments.yml) of its own, or targets no other class touches; the
 * classes run one after another, never at once, and a crash test may kill -9 the worker (the
 * next class finds it restarted). What the stack runs: the local policy with windows of seconds
 * (UiPathTest, LessonStackTest: README's UI inputs target {@code local}), {@code crash} and
 * {@code prom} (EmbeddedStackTest) from e2e-environments.yml, a real Prometheus, and a sandbox
 * whose every changing admin call takes 700 ms, like a real platform API.
 */
public final class SharedStack implements TestExecutionListener {
  private static final String LOCAL = "--runbook.environments.local.";
  /** Copies of learning-api (same releases, same traffic) in the stack's catalog, one per use. */
  static final List<String> LEARNING_API_COPIES = List.of("crash-api", "breach-api", "prom-api");
  private static StackDriver driver;

  /** The shared stack, started on first call. */
  static synchronized StackDriver driver() {
    if (driver == null) {
      driver = new StackDriver(SharedStack::configure);
    }
    return driver;
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    synchronized (SharedStack.class) {
      if (driver != null) {
        driver.close();
        driver = null;
      }
    }
  }

  private static LocalStackOptions configure(LocalStackOptions options) {
    try {
      Path environments = Path.of(SharedStack.class.getResource("/e2e-environments.yml").toURI());
      return options
          // one start for the whole module: wait longer for the worker than the 90 s default,
          // for a machine that builds other things meanwhile
          .withWorkerReadyTimeout(java.time.Duration.ofSeconds(240))
          .withPrometheus(Promtool.provision(Path.of("target")).prometheus())
          .withExtraSandboxArgs(List.of("--admin-delay-ms", "700",
              "--catalog", catalog(options.home(), Path.of("target")).toString()))
          .withExtraWorkerArgs(List.of(
              "--spring.config.additional-location=file:" + environments,
              // local: a 2 s canary with its gate, 1 s at 100%, retire after 1 s (Spring binds a
              // list from one source only, so every step is given in full)
              LOCAL + "code-deploy.steps[0].weight=10", LOCAL + "code-deploy.steps[0].watch=2s",
              LOCAL + "code-deploy.steps[0].gate=true", LOCAL + "code-deploy.steps[1].weight=100",
              LOCAL + "code-deploy.steps[1].watch=1s", LOCAL + "code-deploy.steps[1].gate=false",
              LOCAL + "code-deploy.retire-after=1s", LOCAL + "emergency-deploy.retire-after=1s",
              // lessons: the kill-switch flag removed after 1 s. The first-release watch stays local's
              // 4 s: a shorter one can end before the sandbox's learners have given a reading on a
              // busy machine, inconclusive, and then waits for a person.
              LOCAL + "lessons.flag-removal-after=1s"));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The sandbox's shipped catalog plus {@link #LEARNING_API_COPIES}: learning-api's block of
   * catalog.yaml under each new name (the catalog's only top-level key is {@code services}, so
   * services appended at its end belong to it; the sandbox validates the file as it starts).
   */
  static Path catalog(Path home, Path dir) {
    try {
      List<String> lines = Files.readAllLines(home.resolve("sandbox/src/main/resources/catalog.yaml"));
      int start = lines.indexOf("  learning-api:");
      if (start < 0) {
        throw new IllegalStateException("the sandbox catalog has no learning-api: cannot copy it");
      }
      int end = start + 1;
      while (end < lines.size() && !lines.get(end).matches("^ {0,2}[a-z0-9].*")) {
        end++;
      }
      List<String> out = new ArrayList<>(lines);
      for (String name : LEARNING_API_COPIES) {
        out.add("  " + name + ":   # a copy of learning-api (e2e SharedStack)");
        out.addAll(lines.subList(start + 1, end));
      }
      Files.createDirectories(dir);
      Path file = dir.resolve("e2e-catalog.yaml");
      Files.write(file, out);
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
