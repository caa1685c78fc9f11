package dev.runbook.activities.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.contract.PlatformRelease;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flyctl and railway templates: exact argv, rendered without a shell, run against a stand-in
 * executable that records its arguments and answers like flyctl; hostile values refused before
 * anything runs.
 */
class CommandPlatformAdapterTest {
  @TempDir
  Path dir;

  /** A stand-in flyctl: logs each argument on a line, "releases" prints the state, "deploy" records the image. */
  private Path standIn() throws Exception {
    Path log = dir.resolve("argv.log");
    Path state = dir.resolve("image");
    Files.writeString(state, "registry.fly.io/web:v2.0.0");
    Path script = dir.resolve("flyctl");
    Files.writeString(script, String.join("\n",
        "#!/bin/sh",
        "for a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + log + "'; done",
        "echo '--' >> '" + log + "'",
        "if [ \"$1\" = releases ]; then",
        "  printf '[{\"Version\":7,\"Status\":\"complete\",\"ImageRef\":\"%s\"}]' \"$(cat '" + state + "')\"",
        "elif [ \"$1\" = deploy ]; then",
        "  while [ $# -gt 0 ]; do if [ \"$1\" = --image ]; then printf '%s' \"$2\" > '" + state + "'; fi; shift; done",
        "fi", ""));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private static PlatformCommands withProgram(PlatformCommands c, String program) {
    return new PlatformCommands(swap(c.current(), program), swap(c.deploy(), program), swap(c.rollback(), program),
        c.image(), c.app(), c.healthUrl(), Duration.ofSeconds(10), Set.of(2));
  }

  private static ArgvTemplate swap(ArgvTemplate t, String program) {
    List<String> e = new ArrayList<>(t.elements());
    e.set(0, program);
    return new ArgvTemplate(e);
  }

  private List<List<String>> invocations() throws Exception {
    List<List<String>> all = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("argv.log"))) {
      if (line.equals("--")) {
        all.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    return all;
  }

  @Test
  void flyctlRecordsDeploysWithImageAndRollsBackByRedeployingTheRecordedImage() throws Exception {
    PlatformCommands fly = withProgram(PlatformCommands.flyctl("learning-web", "registry.fly.io/web"), standIn().toString());
    CommandPlatformAdapter adapter = new CommandPlatformAdapter("fly", fly,
        new HttpHealth(HttpClient.newHttpClient(), Duration.ofSeconds(1)), dir.toFile());

    PlatformRelease before = adapter.current("web", "production");
    assertThat(before).isEqualTo(new PlatformRelease("fly", "v7", "v2.0.0", "registry.fly.io/web:v2.0.0", null));
    assertThat(adapter.deploy("web", "production", "v2.1.0").version()).isEqualTo("v2.1.0");
    assertThat(adapter.rollback("web", "production", before).image()).isEqualTo("registry.fly.io/web:v2.0.0");

    assertThat(invocations()).containsExactly(
        List.of("releases", "--app", "learning-web", "--json"),
        List.of("deploy", "--app", "learning-web", "--image", "registry.fly.io/web:v2.1.0", "--strategy", "rolling", "--yes"),
        List.of("releases", "--app", "learning-web", "--json"),
        List.of("deploy", "--app", "learning-web", "--image", "registry.fly.io/web:v2.0.0", "--strategy", "immediate", "--yes"),
        List.of("releases", "--app", "learning-web", "--json"));
  }

  @Test
  void railwayUpAndRedeployRenderToExactArgv() {
    PlatformCommands railway = PlatformCommands.railway("learning", "ghcr.io/acme/web", "https://web.up.railway.app/health");
    Map<String, String> values = Map.of("service", "web", "environment", "production", "app", "learning");
    assertThat(railway.deploy().render(values)).containsExactly(
        "railway", "up", "--service", "web", "--environment", "production", "--detach", "--ci");
    assertThat(railway.rollback().render(values)).containsExactly(
        "railway", "redeploy", "--service", "web", "--environment", "production", "--yes");
    assertThat(railway.current().render(values)).containsExactly("ops/railway-current.sh", "learning", "web", "production");
  }

  @Test
  void hostileValuesAreRefusedBeforeAnythingRuns() throws Exception {
    PlatformCommands fly = withProgram(PlatformCommands.flyctl("learning-web", "registry.fly.io/web"), standIn().toString());
    CommandPlatformAdapter adapter = new CommandPlatformAdapter("fly", fly,
        new HttpHealth(HttpClient.newHttpClient(), Duration.ofSeconds(1)), dir.toFile());
    for (String version : List.of("v2.1.0; rm -rf /", "v2.1.0\n--config=/tmp/x", "$(reboot)", "`id`", "v2 .1", "")) {
      assertThatThrownBy(() -> adapter.deploy("web", "production", version)).as(version)
          .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.isNonRetryable()).isTrue();
            assertThat(f.getType()).isEqualTo(CommandPlatformAdapter.COMMAND_REFUSED);
          });
    }
    assertThatThrownBy(() -> adapter.rollback("web", "production",
        new PlatformRelease("fly", "v1", "v1.0.0", "--build-arg=X", null))).hasMessageContaining("would be read as an option");
    assertThatThrownBy(() -> adapter.rollback("web", "production",
        new PlatformRelease("fly", "v1", "v1.0.0", "registry.fly.io/web:v1.0.0\u0000x", null))).hasMessageContaining("\\x00");
    assertThat(Files.exists(dir.resolve("argv.log"))).as("nothing ran").isFalse();

    assertThatThrownBy(() -> ArgvTemplate.of("{app}", "deploy")).hasMessageContaining("program may not come from a placeholder");
    // a value that looks like a placeholder is refused rather than expanded again
    assertThatThrownBy(() -> ArgvTemplate.of("flyctl", "--app={app}-x").render(Map.of("app", "a{image}")))
        .hasMessageContaining("{app} value 'a{image}'");
    assertThat(ArgvTemplate.of("flyctl", "--app={app}-x").render(Map.of("app", "web"))).containsExactly("flyctl", "--app=web-x");
  }

  @Test
  void aNonRetryableExitCodeIsRefusedAndOthersAreRetried() throws Exception {
    Path failing = dir.resolve("fails");
    Files.writeString(failing, "#!/bin/sh\necho 'Error: unauthorized' >&2\nexit \"$1\"\n");
    Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
    for (int code : new int[] {2, 1}) {
      PlatformCommands c = new PlatformCommands(ArgvTemplate.of(failing.toString(), String.valueOf(code)),
          ArgvTemplate.of("true"), ArgvTemplate.of("true"), "r/{service}:{version}", null, "http://127.0.0.1:1/h",
          Duration.ofSeconds(5), Set.of(2));
      CommandPlatformAdapter adapter = new CommandPlatformAdapter("fly", c,
          new HttpHealth(HttpClient.newHttpClient(), Duration.ofSeconds(1)), dir.toFile());
      assertThatThrownBy(() -> adapter.current("web", "production")).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
        assertThat(f.isNonRetryable()).isEqualTo(code == 2);
        assertThat(f.getOriginalMessage()).contains("exited " + code, "unauthorized");
      });
    }
  }
}
