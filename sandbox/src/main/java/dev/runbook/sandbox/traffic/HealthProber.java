package dev.runbook.sandbox.traffic;

import dev.runbook.sandbox.platform.Platform;
import dev.runbook.sandbox.platform.RunningSlot;
import dev.runbook.sandbox.support.NamedThreadFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Probes {@code /health} of every running slot once a second, like a platform's load balancer does,
 * and counts checks and failures in the slot's metrics. Probes are asynchronous, so a slot that
 * does not answer delays nothing else; no answer within {@link #TIMEOUT} counts as a failure.
 *
 * <p>The timeout is a load balancer's usual 5 s (AWS ALB's default), not 2 s: with hundreds of
 * slots on two cores a healthy slot's answer can wait seconds for a thread, and a timeout here is a
 * health failure the watch would roll back on.
 */
public final class HealthProber implements AutoCloseable {

  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Platform platform;
  private final HttpClient client;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("health-prober"));
  private volatile boolean stopped;

  public HealthProber(Platform platform, HttpClient client) {
    this.platform = platform;
    this.client = client;
  }

  public void start() {
    ticker.scheduleAtFixedRate(this::probeAll, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void probeAll() {
    for (RunningSlot slot : platform.runningSlots()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(slot.url() + "/health"))
          .timeout(TIMEOUT)
          .GET()
          .build();
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, error) -> {
            // A slot stopped while its probe was in flight did not fail; it is gone.
            if (!stopped && slot.running()) {
              slot.metrics().recordHealthCheck(error == null && response.statusCode() == 200);
            }
          });
    }
  }

  @Override
  public void close() {
    stopped = true;
    ticker.shutdownNow();
  }
}
