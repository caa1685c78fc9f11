package dev.runbook.starter.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's simulated learners use the stack's own Postgres, on the port it really has. */
class SandboxCommandTest {

  @Test
  void ephemeralStacksPassTheRandomPostgresPort() {
    LocalStackOptions options = LocalStackOptions.ephemeral(Path.of("/repo"))
        .withExtraSandboxArgs(List.of("--learner-sessions-per-second", "20"));
    List<String> command = SandboxCommand.of(options, 41234);
    assertThat(String.join(" ", command)).endsWith(
        "-jar /repo/sandbox/target/sandbox-0.1.0-SNAPSHOT-exec.jar --port 0 --router-port 0"
            + " --platform-db-url jdbc:postgresql://127.0.0.1:41234/postgres --platform-db-user postgres"
            + " --learner-sessions-per-second 20");
  }

  @Test
  void devStacksUseTheFixedPorts() {
    List<String> command = SandboxCommand.of(LocalStackOptions.dev(Path.of("/repo")), 54329);
    assertThat(String.join(" ", command)).contains(
        "--port 7300 --router-port 7301 --platform-db-url jdbc:postgresql://127.0.0.1:54329/postgres");
  }
}
