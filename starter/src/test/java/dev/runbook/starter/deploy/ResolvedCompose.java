package dev.runbook.starter.deploy;

import dev.runbook.testkit.Command;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** docker-compose.yml as Debian's docker-compose resolves it, computed once per test JVM. */
final class ResolvedCompose {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static ComposeModel model;

  private ResolvedCompose() {}

  static synchronized ComposeModel get() {
    if (model == null) {
      Command.Result resolved = DockerCompose.provision(Path.of("target")).config(REPO.resolve("docker-compose.yml"));
      assertThat(resolved.exit()).as("docker-compose config rejects docker-compose.yml:%n%s", resolved.err()).isZero();
      model = ComposeModel.parse(resolved.out());
    }
    return model;
  }
}
