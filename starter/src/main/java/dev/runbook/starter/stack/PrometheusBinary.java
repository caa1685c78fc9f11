package dev.runbook.starter.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@code runbook dev --prometheus} finds Prometheus: the path given ({@code
 * --prometheus-bin} or RUNBOOK_PROMETHEUS_BIN), else {@code prometheus} on PATH. Never installs
 * anything.
 */
public final class PrometheusBinary {
  public static final String HOW_TO_GET_IT = "install Debian's prometheus package (apt-get install prometheus),"
      + " or give a prometheus binary with --prometheus-bin or RUNBOOK_PROMETHEUS_BIN";

  private PrometheusBinary() {}

  /**
   * @param given the path given, or null/blank
   * @param path the value of PATH
   * @return the binary; empty when none was given and PATH has none
   * @throws IllegalArgumentException when the given path is not an executable file
   */
  public static Optional<Path> find(String given, String path) {
    if (given != null && !given.isBlank()) {
      Path binary = Path.of(given);
      if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
        throw new IllegalArgumentException("no executable Prometheus at " + given + ": " + HOW_TO_GET_IT);
      }
      return Optional.of(binary.toAbsolutePath());
    }
    return Stream.of((path == null ? "" : path).split(":"))
        .filter(d -> !d.isBlank())
        .map(d -> Path.of(d, "prometheus"))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .findFirst();
  }
}
