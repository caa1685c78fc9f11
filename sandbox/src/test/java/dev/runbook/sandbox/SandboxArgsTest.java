package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.sandbox.lessons.LearnerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxArgsTest {

  @Test
  void defaultsMatchTheDocumentedCommandLine() throws Exception {
    assertThat(SandboxArgs.parse(new String[0])).isEqualTo(SandboxOptions.defaults());
    assertThat(SandboxOptions.defaults().adminPort()).isEqualTo(7300);
    assertThat(SandboxOptions.defaults().routerPort()).isEqualTo(7301);
  }

  @Test
  void parsesEveryFlagInBothSpellings(@TempDir Path dir) throws Exception {
    Path catalog = Files.writeString(dir.resolve("c.yaml"), "services: {}");

    SandboxOptions options = SandboxArgs.parse(new String[] {
        "--port", "0", "--router-port=0", "--catalog", catalog.toString(), "--no-load", "--seed", "7", "--admin-delay-ms=250"});

    assertThat(options).isEqualTo(new SandboxOptions(0, 0, catalog, false, 7L, 250));
  }

  @Test
  void listensOnLoopbackUnlessAnotherAddressIsGiven() throws Exception {
    assertThat(SandboxArgs.parse(new String[0]).bindAddress()).isEqualTo("127.0.0.1");
    assertThat(SandboxArgs.parse(new String[] {"--bind", "0.0.0.0"}).bindAddress()).isEqualTo("0.0.0.0");
    assertThat(SandboxArgs.parse(new String[] {"--bind=::"}).bindAddress()).isEqualTo("::");
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--bind", "sandbox.example.com"}))
        .hasMessage("--bind: bind address must be an IP address such as 127.0.0.1 or 0.0.0.0, got sandbox.example.com");
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--bind"})).hasMessage("--bind needs a value");
  }

  @Test
  void learnersAreOffUntilAPlatformDatabaseIsGiven() throws Exception {
    LearnerOptions off = SandboxArgs.parse(new String[0]).learners();
    assertThat(off.enabled()).isFalse();
    assertThat(off).isEqualTo(new LearnerOptions(null, "postgres", "", "platform", 100));

    LearnerOptions on = SandboxArgs.parse(new String[] {
        "--platform-db-url", "jdbc:postgresql://127.0.0.1:54329/postgres", "--platform-db-user=app",
        "--platform-db-password", "--secret", "--platform-db-schema", "lessons_x", "--learner-sessions-per-second=0"})
        .learners();

    assertThat(on).isEqualTo(new LearnerOptions("jdbc:postgresql://127.0.0.1:54329/postgres", "app", "--secret",
        "lessons_x", 0));
    assertThat(on.toString()).doesNotContain("secret");
  }

  @Test
  void refusesBadLearnerArguments() {
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--platform-db-url", "postgres://x"}))
        .hasMessage("--platform-db-url: platform database URL must start with jdbc:postgresql:, got postgres://x");
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--platform-db-schema", "Platform; drop"}))
        .hasMessageStartingWith("--platform-db-schema: platform database schema must be a lowercase identifier");
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--learner-sessions-per-second", "-1"}))
        .hasMessage("--learner-sessions-per-second: learner sessions per second must be between 0 and 10000, got -1");
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--learner-sessions-per-second", "lots"}))
        .hasMessage("--learner-sessions-per-second must be a whole number, got 'lots'");
  }

  @Test
  void refusesBadArgumentsWithTheReason() {
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--port"})).hasMessage("--port needs a value");
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--port", "x"}))
        .hasMessage("--port must be a whole number, got 'x'");
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--router-port", "70000"}))
        .hasMessage("--router-port must be a port from 0 to 65535, got 70000");
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--catalog", "/no/such/file.yaml"}))
        .hasMessage("--catalog /no/such/file.yaml: no such file");
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--port", "7400", "--router-port", "7400"}))
        .hasMessage("--port and --router-port must differ, both are 7400");
    assertThatThrownBy(() -> SandboxArgs.parse(new String[] {"--verbose"}))
        .hasMessage("unknown argument '--verbose'");
  }
}
