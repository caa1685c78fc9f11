package dev.runbook.starter.stack;

import java.util.ArrayList;
import java.util.List;

/** The sandbox's command line, as {@link LocalStack} starts it (beside {@link WorkerProcess}'s). */
final class SandboxCommand {
  private SandboxCommand() {}

  /**
   * The sandbox's command line. Its simulated learners read lessons, flags and progress from the
   * platform schema of the stack's own Postgres (deployed by the stack before the sandbox starts),
   * so both see the same lesson store; {@code postgresPort} is the port Postgres really listens on,
   * a random one when ephemeral.
   */
  static List<String> of(LocalStackOptions options, int postgresPort) {
    List<String> command = new ArrayList<>(List.of(
        LocalStack.java(), "-jar", options.sandboxJar().toString(),
        "--port", String.valueOf(options.sandboxPort()),
        "--router-port", String.valueOf(options.routerPort()),
        "--platform-db-url", LocalPostgres.jdbcUrl(postgresPort),
        "--platform-db-user", LocalPostgres.USER));
    command.addAll(options.extraSandboxArgs());
    return command;
  }
}
