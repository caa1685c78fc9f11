package dev.runbook.e2e;

import dev.runbook.starter.stack.LocalStack;
import dev.runbook.starter.stack.RunbookHome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another worker process on the same stack (same Temporal, Postgres and sandbox), started the way
 * LocalStack starts its own, on a port of its own: both poll the run queue and the watch queue.
 */
final class SecondWorker implements AutoCloseable {
  private final Process process;
  final String url;

  SecondWorker(LocalStack stack, List<String> extraArgs, Path log) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    url = "http://127.0.0.1:" + port;
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        stack.options().home().resolve(RunbookHome.WORKER_JAR).toString(),
        "--spring.profiles.active=local", "--server.port=" + port,
        "--spring.temporal.connection.target=" + stack.temporalAddress(),
        "--spring.datasource.url=" + stack.jdbcUrl(), "--spring.datasource.username=postgres",
        "--runbook.sandbox-url=" + stack.sandboxAdminUrl()));
    cmd.addAll(extraArgs);
    process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitHealthy(Duration.ofSeconds(120));
  }

  private void awaitHealthy(Duration limit) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("the second worker was not healthy within " + limit);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
