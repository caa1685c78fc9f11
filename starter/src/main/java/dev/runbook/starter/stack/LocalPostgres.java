package dev.runbook.starter.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Embedded Postgres (zonky): kept data under .runbook/state/pg on a fixed port for `runbook dev`,
 * or a temp data dir on a random port, deleted on close, when ephemeral.
 */
final class LocalPostgres implements AutoCloseable {
  /** The superuser zonky creates; local trust authentication, no password. */
  static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private LocalPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static LocalPostgres start(LocalStackOptions options) {
    Path log = options.logDir().resolve("postgres.log");
    try {
      Files.createDirectories(options.logDir());
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setPGStartupWait(Duration.ofSeconds(60))
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
      if (!options.ephemeral()) {
        Path data = options.postgresDataDir();
        Files.createDirectories(data);
        stopStalePostmaster(data);
        builder.setDataDirectory(data.toFile()).setCleanDataDirectory(false).setPort(options.postgresPort());
      }
      return new LocalPostgres(builder.start());
    } catch (IOException | RuntimeException e) {
      throw new LocalStackException(
          "cannot start Postgres" + (options.ephemeral() ? "" : " on port " + options.postgresPort()
              + " with data in " + options.postgresDataDir()) + ": " + e.getMessage() + "\n" + LogTail.of(log, 20), e);
    }
  }

  /**
   * A `runbook dev` killed with -9 leaves its postmaster running on our data dir; stop it (it is
   * ours: the pid comes from that data dir's postmaster.pid and the process is a postgres).
   */
  private static void stopStalePostmaster(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> stale = ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    if (stale.isPresent()) {
      System.err.println("runbook: stopping a Postgres left running by an earlier `runbook dev` (pid " + pid + ")");
      stale.get().destroy();
      try {
        stale.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        stale.get().destroyForcibly();
      }
    }
  }

  int port() {
    return postgres.getPort();
  }

  String jdbcUrl() {
    return jdbcUrl(port()) + "?user=" + USER;
  }

  /** The URL without credentials, for processes that take the user separately (the sandbox). */
  static String jdbcUrl(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The postmaster's pid (the parent of a backend), when it can be read. */
  Optional<Long> pid() {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl());
        java.sql.ResultSet rs = c.createStatement().executeQuery("select pg_backend_pid()")) {
      rs.next();
      return ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid);
    } catch (java.sql.SQLException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("runbook: Postgres did not stop cleanly: " + e.getMessage());
    }
  }
}
