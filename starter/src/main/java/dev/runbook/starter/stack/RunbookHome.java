package dev.runbook.starter.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository root the CLI works from: $RUNBOOK_HOME (set by ./runbook), else the nearest
 * directory above the working directory holding pom.xml and starter/.
 */
public final class RunbookHome {
  public static final String WORKER_JAR = "worker/target/runbook-worker-exec.jar";
  public static final String SANDBOX_JAR = "sandbox/target/sandbox-0.1.0-SNAPSHOT-exec.jar";

  private RunbookHome() {}

  public static Optional<Path> find() {
    return find(System.getenv("RUNBOOK_HOME"), Path.of("").toAbsolutePath());
  }

  static Optional<Path> find(String env, Path cwd) {
    if (env != null && !env.isBlank()) {
      Path home = Path.of(env).toAbsolutePath().normalize();
      return Files.isDirectory(home) ? Optional.of(home) : Optional.empty();
    }
    for (Path dir = cwd.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (isRepo(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The home, or an exception saying how to point at it. */
  public static Path require() {
    return find()
        .orElseThrow(
            () -> new LocalStackException(
                "cannot find the runbook repository: run ./runbook from it, or set RUNBOOK_HOME to its root"));
  }

  public static boolean isRepo(Path dir) {
    return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("starter"));
  }

  public static Path stateDir(Path home) {
    return home.resolve(".runbook/state");
  }

  public static Path logDir(Path home) {
    return home.resolve(".runbook/logs");
  }
}
