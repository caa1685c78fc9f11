package dev.runbook.starter.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Prometheus as a child of the stack, on 127.0.0.1 only, scraping the sandbox ({@code
 * /metrics}) and the worker ({@code /actuator/prometheus}) every second under the job names of
 * the compose cluster, and evaluating the shipped alert rules (deploy/prometheus/rules.yml). Its
 * configuration and data live in {@code dataDir} (an ephemeral stack starts with no data); it is
 * ready when {@code /-/ready} answers 200.
 */
final class PrometheusProcess {
  /** Scrape and rule evaluation interval: the local watch rules look back 8 s. */
  static final String SCRAPE_INTERVAL = "1s";
  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final ChildProcess process;
  private final int port;

  private PrometheusProcess(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The stack's Prometheus when {@code options} names a binary (null otherwise), ready to query. */
  static PrometheusProcess startFor(LocalStackOptions options, String sandboxAdminUrl, int workerPort,
      java.util.function.Consumer<String> progress) {
    if (options.prometheusBin() == null) {
      return null;
    }
    int port = Ports.orFree(options.prometheusPort());
    progress.accept("starting Prometheus on 127.0.0.1:" + port + " (scraping the sandbox and the worker every "
        + SCRAPE_INTERVAL + ")");
    return start(options.prometheusBin(), port, options.prometheusDir(), options.ephemeral(),
        options.home().resolve("deploy/prometheus/rules.yml"), options.logDir().resolve("prometheus.log"),
        sandboxAdminUrl, workerPort);
  }

  /** Writes the configuration into {@code dataDir}, starts Prometheus and waits until it is ready. */
  static PrometheusProcess start(Path binary, int port, Path dataDir, boolean fresh, Path rules, Path log,
      String sandboxAdminUrl, int workerPort) {
    try {
      if (fresh) { // an ephemeral stack's queries must not see an earlier stack's series
        deleteTree(dataDir.resolve("data"));
      }
      Files.createDirectories(dataDir);
      Path config = dataDir.resolve("prometheus.yml");
      Files.writeString(config, config(URI.create(sandboxAdminUrl), workerPort, rules));
      ChildProcess child = ChildProcess.start("prometheus", List.of(binary.toString(),
          "--config.file=" + config,
          "--web.listen-address=127.0.0.1:" + port,
          "--storage.tsdb.path=" + dataDir.resolve("data"),
          "--storage.tsdb.retention.time=1d"), log);
      PrometheusProcess prometheus = new PrometheusProcess(child, port);
      prometheus.awaitReady(log);
      return prometheus;
    } catch (IOException e) {
      throw new LocalStackException("cannot write the Prometheus configuration in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** The scrape configuration: the same jobs and paths as deploy/prometheus/prometheus.yml. */
  static String config(URI sandboxAdmin, int workerPort, Path rules) {
    return "# written by the runbook local stack; the compose cluster's is deploy/prometheus/prometheus.yml\n"
        + "global:\n"
        + "  scrape_interval: " + SCRAPE_INTERVAL + "\n"
        + "  evaluation_interval: " + SCRAPE_INTERVAL + "\n"
        + "rule_files:\n"
        + "  - '" + rules + "'\n"
        + "scrape_configs:\n"
        + "  - job_name: runbook-worker\n"
        + "    metrics_path: /actuator/prometheus\n"
        + "    static_configs:\n"
        + "      - targets: ['127.0.0.1:" + workerPort + "']\n"
        + "  - job_name: sandbox\n"
        + "    metrics_path: /metrics\n"
        + "    static_configs:\n"
        + "      - targets: ['" + sandboxAdmin.getHost() + ":" + sandboxAdmin.getPort() + "']\n";
  }

  private void awaitReady(Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create(url() + "/-/ready");
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new LocalStackException("Prometheus exited (" + process.exitDescription() + ") before it was ready\n"
            + LogTail.of(log, 30));
      }
      try {
        if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.kill();
        throw new LocalStackException("interrupted while waiting for Prometheus");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.kill();
        throw new LocalStackException("interrupted while waiting for Prometheus");
      }
    }
    process.kill();
    throw new LocalStackException("Prometheus did not answer " + ready + " within " + READY_TIMEOUT.toSeconds() + "s\n"
        + LogTail.of(log, 30));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  ChildProcess process() {
    return process;
  }
}
