package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.sandbox.catalog.CatalogException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, loading and stopping: library entry point, command line, shutdown endpoint. */
class SandboxLifecycleTest {

  private static final Pattern READY = Pattern.compile(
      "sandbox ready admin=(http://127\\.0\\.0\\.1:\\d+) router=(http://127\\.0\\.0\\.1:\\d+)\\R");

  @Test
  void theLoadGeneratorSendsSteadyTrafficThroughTheRouter(@TempDir Path dir) throws Exception {
    Path catalog = Files.writeString(dir.resolve("catalog.yaml"), """
        services:
          web:
            live: v1
            rps: 200
            releases:
              v1: { p50Ms: 2, p95Ms: 5 }
        """);
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.ephemeral().withCatalog(catalog))) {
      StatsPoller stats = new StatsPoller(sandbox.adminUrl());
      JsonNode blue = stats.awaitRequests("web", "blue", 50);
      assertThat(blue.get("requests").asLong()).isGreaterThanOrEqualTo(50);
      assertThat(blue.get("errors").asLong()).isZero();
    }
  }

  @Test
  void shutdownEndpointAnswersThenStopsEverything() throws Exception {
    Sandbox sandbox = Sandbox.start(SandboxOptions.ephemeral().withLoad(false));
    String admin = sandbox.adminUrl();

    Http.Reply reply = Http.post(admin + "/api/shutdown", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("stopping");
    assertThat(sandbox.awaitClosed(Duration.ofSeconds(10))).isTrue();
    assertThatThrownBy(() -> Http.get(admin + "/health")).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> Http.get(sandbox.routerUrl() + "/health")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void aPortInUseFailsWithTheAddressAndLeavesNothingRunning() throws Exception {
    try (Sandbox first = Sandbox.start(SandboxOptions.ephemeral().withLoad(false))) {
      int taken = URI.create(first.adminUrl()).getPort();

      assertThatThrownBy(() -> Sandbox.start(SandboxOptions.ephemeral().withLoad(false).withPorts(taken, 0)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken + " for the admin");
      assertThat(Http.get(first.adminUrl() + "/health").status()).isEqualTo(200);
    }
  }

  @Test
  void anInvalidCatalogFailsTheStart(@TempDir Path dir) throws Exception {
    Path catalog = Files.writeString(dir.resolve("bad.yaml"), "services:\n  a:\n    live: v2\n    releases: { v1: {} }\n");

    assertThatThrownBy(() -> Sandbox.start(SandboxOptions.ephemeral().withCatalog(catalog)))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("services.a.live is 'v2'");
  }

  @Test
  void mainPrintsOneReadyLineAndExitsZeroAfterShutdown() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
      try {
        return SandboxMain.run(new String[] {"--port", "0", "--router-port", "0", "--no-load"},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!out.toString(StandardCharsets.UTF_8).contains("\n") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    Matcher ready = READY.matcher(out.toString(StandardCharsets.UTF_8));
    assertThat(ready.matches()).as("stdout: %s", out).isTrue();
    assertThat(Http.get(ready.group(2) + "/svc/bot/api/x").status()).isEqualTo(200);
    Http.post(ready.group(1) + "/api/shutdown", null);
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
  }

  @Test
  void mainExits64OnBadArgumentsOrCatalog(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    assertThat(SandboxMain.run(new String[] {"--bogus"}, out, errStream)).isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--bogus'", "Usage:");

    Path bad = Files.writeString(dir.resolve("bad.yaml"), "services:\n  a:\n    live: v1\n    releases: { v1: { errorRate: 2 } }\n");
    assertThat(SandboxMain.run(new String[] {"--catalog", bad.toString(), "--port", "0", "--router-port", "0"}, out, errStream))
        .isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("errorRate must be between 0 and 1, got 2.0");
  }

  /** Stats polling without the fixture, for sandboxes started with non-default options. */
  private record StatsPoller(String admin) {
    JsonNode awaitRequests(String service, String colour, long atLeast) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      JsonNode stats;
      do {
        Thread.sleep(100);
        stats = Http.get(admin + "/api/services/" + service + "/slots/" + colour + "/stats?lookback=60").json();
      } while (stats.get("requests").asLong() < atLeast && System.nanoTime() < deadline);
      return stats;
    }
  }
}
