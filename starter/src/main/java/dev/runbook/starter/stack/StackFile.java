package dev.runbook.starter.stack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.runbook.starter.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * .runbook/state/stack.json: where the running `runbook dev` stack listens, so other commands
 * (and people) find it. Written once the stack is ready, deleted when it stops.
 */
public final class StackFile {

  /** The file's contents; {@code pids} by part: cli, postgres, sandbox, worker. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Contents(
      String temporalAddress,
      String sandboxAdminUrl,
      String routerUrl,
      String workerUrl,
      String jdbcUrl,
      Map<String, Long> pids) {}

  private StackFile() {}

  public static Path path(Path home) {
    return RunbookHome.stateDir(home).resolve("stack.json");
  }

  /** The running dev stack's file, if there is one and it parses. */
  public static Optional<Contents> read(Path home) {
    return readFile(path(home));
  }

  static Optional<Contents> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readValue(file.toFile(), Contents.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static void write(Path file, Contents contents) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), contents);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LocalStackException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("runbook: cannot delete " + file + ": " + e.getMessage());
    }
  }
}
