package dev.runbook.sandbox.traffic;

import dev.runbook.sandbox.catalog.ServiceSpec;
import dev.runbook.sandbox.support.RandomSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steady user traffic for one service through the router, so canaries have something to be judged
 * on without anyone sending requests by hand.
 *
 * <p>Every 100 ms it sends a tenth of the service's rps (carrying fractions over), asynchronously.
 * At most {@link #MAX_IN_FLIGHT} requests are outstanding; beyond that requests are dropped and
 * counted rather than queued, so a slow release cannot make the generator grow without bound.
 */
public final class LoadGenerator implements AutoCloseable {

  static final int MAX_IN_FLIGHT = 64;
  private static final long TICK_MILLIS = 100;
  private static final List<String> PATHS =
      List.of("/api/lessons", "/api/progress", "/api/lessons/42", "/api/users/me");
  private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);

  private final ServiceSpec service;
  private final String routerUrl;
  private final HttpClient client;
  private final RandomSource random;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final ScheduledExecutorService ticker;
  private volatile ScheduledFuture<?> ticks;
  private double credit;
  private volatile boolean stopped;

  /**
   * @param ticker shared by every service's generator (a tick only hands requests to the client),
   *     so a thousand services do not take a thousand threads
   */
  public LoadGenerator(ServiceSpec service, String routerUrl, HttpClient client, RandomSource random,
      ScheduledExecutorService ticker) {
    this.service = service;
    this.routerUrl = routerUrl;
    this.client = client;
    this.random = random;
    this.ticker = ticker;
  }

  /** Starts sending; returns at once. */
  public void start() {
    if (service.rps() <= 0) {
      return;
    }
    ticks = ticker.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    log.info("load generator for {} at {} rps", service.name(), service.rps());
  }

  public long sent() {
    return sent.get();
  }

  public long dropped() {
    return dropped.get();
  }

  private synchronized void tick() {
    credit += service.rps() * TICK_MILLIS / 1000.0;
    while (credit >= 1 && !stopped) {
      credit -= 1;
      fire();
    }
  }

  private void fire() {
    if (!inFlight.tryAcquire()) {
      dropped.incrementAndGet();
      return;
    }
    String path = PATHS.get(random.nextInt(PATHS.size()));
    HttpRequest request = HttpRequest.newBuilder(URI.create(routerUrl + "/svc/" + service.name() + path))
        .timeout(Duration.ofSeconds(20))
        .GET()
        .build();
    sent.incrementAndGet();
    try {
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, error) -> inFlight.release());
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
  }

  /** Stops sending; requests already sent finish or fail on their own. */
  @Override
  public void close() {
    stopped = true;
    ScheduledFuture<?> running = ticks;
    if (running != null) {
      running.cancel(false);
    }
    if (service.rps() > 0) {
      log.info("load generator for {} stopped after {} requests ({} dropped)", service.name(),
          sent.get(), dropped.get());
    }
  }
}
