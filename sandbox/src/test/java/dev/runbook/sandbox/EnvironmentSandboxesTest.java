package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --environments}: a sandbox per environment in the same process, each with its own platform. */
class EnvironmentSandboxesTest {
  private static final Pattern READY = Pattern.compile("sandbox ready admin=(\\S+) router=(\\S+) "
      + "environments=dev@(\\S+)@(\\S+),staging@(\\S+)@(\\S+)\\R");

  @Test
  void eachEnvironmentHasItsOwnPlatformAndTheReadyLineNamesThem() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
      try {
        return SandboxMain.run(new String[] {"--port", "0", "--router-port", "0", "--no-load", "--environments",
            "dev,staging"}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!out.toString(StandardCharsets.UTF_8).contains("\n") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    Matcher ready = READY.matcher(out.toString(StandardCharsets.UTF_8));
    assertThat(ready.matches()).as("stdout: %s", out).isTrue();
    String dev = ready.group(3);
    String staging = ready.group(5);
    assertThat(Http.post(dev + "/api/services/learning-api/slots/green/deploy", "{\"version\":\"v1.5.1\"}").status())
        .isEqualTo(200);
    assertThat(Http.get(dev + "/api/services/learning-api").body()).contains("v1.5.1");
    assertThat(Http.get(staging + "/api/services/learning-api").body()).doesNotContain("v1.5.1");
    assertThat(Http.get(ready.group(1) + "/api/services/learning-api").body()).doesNotContain("v1.5.1");
    assertThat(Http.get(ready.group(6) + "/svc/bot/api/x").status()).isEqualTo(200);

    Http.post(ready.group(1) + "/api/shutdown", null);
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    assertThatThrownBy(() -> Http.get(dev + "/api/services")).as("environments stop with the sandbox")
        .isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void badEnvironmentNamesAreAUsageError() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(SandboxMain.run(new String[] {"--environments", "dev,Dev"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--environments takes distinct lowercase names");
  }
}
