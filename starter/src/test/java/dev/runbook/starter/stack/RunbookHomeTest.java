package dev.runbook.starter.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookHomeTest {

  @Test
  void walksUpToTheRepositoryRoot(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    Path deep = Files.createDirectories(dir.resolve("starter/src/main"));
    assertThat(RunbookHome.find(null, deep)).contains(dir.toAbsolutePath().normalize());
  }

  @Test
  void theEnvironmentWins(@TempDir Path dir) {
    assertThat(RunbookHome.find(dir.toString(), Path.of("/"))).contains(dir.toAbsolutePath().normalize());
    assertThat(RunbookHome.find(dir.resolve("missing").toString(), Path.of("/"))).isEmpty();
  }

  @Test
  void stackFileRoundTrip(@TempDir Path dir) {
    Path file = dir.resolve(".runbook/state/stack.json");
    var contents = new StackFile.Contents("127.0.0.1:7233", "http://127.0.0.1:7300", "http://127.0.0.1:7301",
        "http://127.0.0.1:8081", "jdbc:postgresql://127.0.0.1:54329/postgres?user=postgres", java.util.Map.of("cli", 1L));
    StackFile.write(file, contents);
    assertThat(StackFile.read(dir)).contains(contents);
    StackFile.delete(file);
    assertThat(StackFile.read(dir)).isEmpty();
  }

  @Test
  void devAndEphemeralOptions(@TempDir Path dir) {
    LocalStackOptions dev = LocalStackOptions.dev(dir);
    assertThat(dev.temporalPort()).isEqualTo(7233);
    assertThat(dev.postgresPort()).isEqualTo(54329);
    assertThat(dev.workerPort()).isEqualTo(8081);
    assertThat(dev.stackFile()).isEqualTo(dir.resolve(".runbook/state/stack.json"));
    assertThat(dev.postgresDataDir()).isEqualTo(dir.resolve(".runbook/state/pg"));
    LocalStackOptions eph = LocalStackOptions.ephemeral(dir).withWorkerPort(0);
    assertThat(eph.ephemeral()).isTrue();
    assertThat(eph.temporalPort()).isZero();
    assertThat(eph.stackFile()).isNull();
    assertThat(eph.workerJar()).isEqualTo(dir.resolve("worker/target/runbook-worker-exec.jar"));
  }

  @Test
  void aMissingJarIsAClearError(@TempDir Path dir) {
    var error = org.assertj.core.api.Assertions.catchThrowable(() -> LocalStack.start(LocalStackOptions.ephemeral(dir)));
    assertThat(error).isInstanceOf(LocalStackException.class).hasMessageContaining("is not built");
  }
}
