package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
