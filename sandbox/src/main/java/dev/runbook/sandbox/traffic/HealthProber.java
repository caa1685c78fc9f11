package dev.runbook.sandbox.traffic;

import dev.runbook.sandbox.platform.Platform;
import dev.runbook.sandbox.platform.RunningSlot;
import dev.runbook.sandbox.support.NamedThreadFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Probes {@code /health} of every running slot once a second, like a platform's load balancer does,
 * and counts checks and failures in the slot's metrics. Probes are asynchronous, so a slot that
 * does not answer delays nothing else; no answer within {@link #TIMEOUT} counts as a failure.
 *
 * <p>The second is cut into {@link #SLICES} ticks and each slot is probed on its own tick, so a
 * thousand slots make a steady hundred probes per tick rather than a burst of a thousand that the
 * loaded services' probes and requests queue behind. A slot is never probed while its previous probe
 * is still out: with every slot of a slow sandbox at most one probe deep, probes cannot pile up
 * (500 quiet slots once had 3,000 probes in flight and the loaded service's probes all timed out).
 *
 * <p>The timeout is a load balancer's usual 5 s (AWS ALB's default), not 2 s: with hundreds of
 * slots on two cores a healthy slot's answer can wait seconds for a thread, and a timeout here is a
 * health failure the watch would roll back on.
 */
public final class HealthProber implements AutoCloseable {

  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  /** Ticks per interval; each slot belongs to one. */
  static final int SLICES = 10;

  private final Platform platform;
  private final HttpClient client;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("health-prober"));
  private final Set<RunningSlot> probing = ConcurrentHashMap.newKeySet();
  private long tick;
  private volatile boolean stopped;

  public HealthProber(Platform platform, HttpClient client) {
    this.platform = platform;
    this.client = client;
  }

  public void start() {
    ticker.scheduleAtFixedRate(this::probeSlice, 0, INTERVAL.toMillis() / SLICES, TimeUnit.MILLISECONDS);
  }

  /** The slot's tick: by its URL, which is fixed for the slot's life, so it is probed once an interval. */
  static int slice(RunningSlot slot) {
    return Math.floorMod(slot.url().hashCode(), SLICES);
  }

  private void probeSlice() {
    int slice = (int) (tick++ % SLICES);
    for (RunningSlot slot : platform.runningSlots()) {
      if (slice(slot) != slice || !probing.add(slot)) {
        continue;
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create(slot.url() + "/health"))
          .timeout(TIMEOUT)
          .GET()
          .build();
      try {
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
            .whenComplete((response, error) -> {
              probing.remove(slot);
              // A slot stopped while its probe was in flight did not fail; it is gone.
              if (!stopped && slot.running()) {
                slot.metrics().recordHealthCheck(error == null && response.statusCode() == 200);
              }
            });
      } catch (RuntimeException e) {
        probing.remove(slot);
        throw e;
      }
    }
  }

  @Override
  public void close() {
    stopped = true;
    ticker.shutdownNow();
  }
}
