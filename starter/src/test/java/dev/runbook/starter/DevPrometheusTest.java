package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runbook.starter.stack.LocalStackOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `runbook dev --prometheus` finds its Prometheus or says how to get one; nothing starts without it. */
class DevPrometheusTest {
  private final LocalStackOptions dev = LocalStackOptions.dev(Path.of("/repo"));

  @Test
  void withoutAPrometheusItExits69NamingDebiansPackage(@TempDir Path emptyDir) {
    CliException e = catchThrowableOfType(CliException.class,
        () -> DevCommand.withPrometheus(dev, null, emptyDir.toString()));

    assertThat(e.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(e.getMessage()).contains("no prometheus on PATH").contains("Debian's prometheus package")
        .contains("--prometheus-bin").contains("RUNBOOK_PROMETHEUS_BIN");
  }

  @Test
  void aGivenPathThatIsNoProgramIsBadInputBeforeAnythingStarts(@TempDir Path dir) {
    Cli.Result result = Cli.run("dev", "--prometheus", "--prometheus-bin", dir.resolve("nope").toString());

    assertThat(result.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("no executable Prometheus at " + dir.resolve("nope"))
        .contains("Debian's prometheus package");
  }

  @Test
  void prometheusOnPathIsRunOnItsFixedPortAndTheLocalEnvironmentReadsIt(@TempDir Path bin) throws Exception {
    Path prometheus = Files.createFile(bin.resolve("prometheus"));
    assertThat(prometheus.toFile().setExecutable(true)).isTrue();

    LocalStackOptions options = DevCommand.withPrometheus(dev, null, "/nonexistent:" + bin);

    assertThat(options.prometheusBin()).isEqualTo(prometheus);
    assertThat(options.prometheusPort()).isEqualTo(7390);
    assertThat(options.extraWorkerArgs()).contains("--runbook.environments.local.metrics=prometheus");
    assertThat(DevCommand.withPrometheus(dev, prometheus.toString(), "").prometheusBin()).isEqualTo(prometheus);
  }
}
