package dev.runbook.sandbox;

import dev.runbook.sandbox.admin.AdminServer;
import dev.runbook.sandbox.catalog.Catalog;
import dev.runbook.sandbox.catalog.CatalogException;
import dev.runbook.sandbox.catalog.CatalogLoader;
import dev.runbook.sandbox.catalog.QuietServices;
import dev.runbook.sandbox.catalog.ServiceSpec;
import dev.runbook.sandbox.hosted.HostedPlatforms;
import dev.runbook.sandbox.instance.InstanceSettings;
import dev.runbook.sandbox.instance.ReleaseBehaviour;
import dev.runbook.sandbox.instance.SlotHost;
import dev.runbook.sandbox.instance.SlotServer;
import dev.runbook.sandbox.lessons.Chance;
import dev.runbook.sandbox.lessons.LearnerBehaviour;
import dev.runbook.sandbox.lessons.LearnerSimulation;
import dev.runbook.sandbox.lessons.LessonsApi;
import dev.runbook.sandbox.lessons.MarketData;
import dev.runbook.sandbox.lessons.PlatformDb;
import dev.runbook.sandbox.maintenance.MaintenanceMode;
import dev.runbook.sandbox.metrics.LessonMetricsRegistry;
import dev.runbook.sandbox.metrics.MetricsRegistry;
import dev.runbook.sandbox.platform.Platform;
import dev.runbook.sandbox.platform.SlotLauncher;
import dev.runbook.sandbox.support.NamedThreadFactory;
import dev.runbook.sandbox.support.RandomSource;
import dev.runbook.sandbox.traffic.HealthProber;
import dev.runbook.sandbox.traffic.LoadGenerator;
import dev.runbook.sandbox.traffic.WeightedRouter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running sandbox: the library entry point for tests and launchers in the same JVM.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.ephemeral())) {
 *   String admin = sandbox.adminUrl();   // http://127.0.0.1:port
 * }
 * }</pre>
 *
 * <p>It wires the parts together and owns their lifecycle: slot servers for each service's live
 * release, the weighted router, the admin API, the health prober, the load generators and, with a
 * platform database, the simulated learners. Closing
 * stops them in the reverse order, so no traffic is sent to a server that is already gone.
 */
public final class Sandbox implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

  private final List<AutoCloseable> parts = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final ExecutorService httpExecutor =
      Executors.newFixedThreadPool(8, new NamedThreadFactory("sandbox-http"));
  /** Ticks of every load generator: one thread for all services. */
  private final ScheduledExecutorService loadTicker =
      Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("load"));
  private String adminUrl;
  private HostedPlatforms hostedPlatforms;
  private String routerUrl;
  private boolean closed;

  private Sandbox() {}

  /**
   * Loads the catalog named by the options (or the shipped one) and starts everything.
   *
   * @throws CatalogException when the catalog is invalid, listing every problem
   * @throws IOException      when a port cannot be bound
   */
  public static Sandbox start(SandboxOptions options) throws IOException {
    CatalogLoader loader = new CatalogLoader();
    Catalog catalog = options.catalogFile() == null
        ? loader.loadDefault()
        : loader.load(options.catalogFile());
    return start(options, catalog);
  }

  /** Starts everything with an already loaded catalog; {@code options.catalogFile()} is ignored. */
  public static Sandbox start(SandboxOptions options, Catalog catalog) throws IOException {
    Sandbox sandbox = new Sandbox();
    try {
      sandbox.startParts(options, QuietServices.extend(catalog, options.extraServices()));
    } catch (IOException | RuntimeException e) {
      sandbox.close();
      throw e;
    }
    return sandbox;
  }

  private void startParts(SandboxOptions options, Catalog catalog) throws IOException {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .executor(httpExecutor)
        .build();
    MetricsRegistry metrics = new MetricsRegistry(System::currentTimeMillis);
    SlotHost slots = SlotHost.start(); // closed after the platform that stops its slots
    parts.add(slots);
    // instance 0 keeps the component name of the one-instance sandbox, so seeded runs stay the same
    SlotLauncher launcher = (service, colour, instance, release, config) -> SlotServer.start(service, colour,
        new ReleaseBehaviour(release, InstanceSettings.from(config)), metrics.slot(service, colour.id(), release.version()),
        RandomSource.forComponent(options.seed(), "slot/" + service + "/" + colour.id() + "/" + release.version()
            + (instance == 0 ? "" : "/" + instance)),
        slots);
    Platform platform = new Platform(catalog, launcher, metrics);
    parts.add(platform);

    MaintenanceMode maintenance = new MaintenanceMode(System::currentTimeMillis);
    // Fixed ports first: a port already in use should fail before any slot server starts.
    WeightedRouter router = new WeightedRouter(platform, client,
        RandomSource.forComponent(options.seed(), "router"), options.bindAddress(), options.routerPort(), maintenance);
    parts.add(router);
    routerUrl = router.url();

    MarketData market = MarketData.standard();
    LearnerSimulation learners = null;
    LessonsApi lessons = null;
    if (options.learners().enabled()) {
      // Nothing touches the database yet: the simulation connects on its own thread once started.
      LessonMetricsRegistry lessonMetrics = new LessonMetricsRegistry(System::currentTimeMillis);
      PlatformDb db = new PlatformDb(options.learners());
      learners = new LearnerSimulation(db, options.learners(), LearnerBehaviour.standard(), market,
          Chance.forLearners(options.seed()), lessonMetrics);
      lessons = new LessonsApi(db, lessonMetrics, learners);
      maintenance.onChange(learners::maintenance);
    }

    // loopback like the admin API (a container's --bind widens them too); ephemeral ports, named by the admin API
    HostedPlatforms hosted = HostedPlatforms.start(options.bindAddress());
    parts.add(hosted);
    hostedPlatforms = hosted;
    AdminServer admin = new AdminServer(platform, options.bindAddress(), options.adminPort(), options.adminDelayMillis(), this::close,
        market, lessons, maintenance, hosted.urls());
    parts.add(admin);
    adminUrl = admin.url();

    platform.startLiveReleases();

    HealthProber prober = new HealthProber(platform, client);
    parts.add(prober);
    prober.start();

    if (options.loadEnabled()) {
      for (ServiceSpec service : catalog.all()) {
        LoadGenerator load = new LoadGenerator(service, routerUrl, client,
            RandomSource.forComponent(options.seed(), "load/" + service.name()), loadTicker);
        parts.add(load);
        load.start();
      }
    }
    if (learners != null) {
      parts.add(learners);
      learners.start();
    }
    log.info("sandbox up: admin {} router {} ({} services, load {}, learners {})", adminUrl, routerUrl,
        catalog.services().size(), options.loadEnabled() ? "on" : "off",
        learners == null ? "off" : options.learners().sessionsPerSecond() + "/s");
  }

  /** Base URL of the admin API, e.g. {@code http://127.0.0.1:7300}. */
  public String adminUrl() {
    return adminUrl;
  }

  /** Fly, Railway and Render stand-ins, each with its own admin API. */
  public HostedPlatforms hostedPlatforms() {
    return hostedPlatforms;
  }

  /** Base URL of the weighted router, e.g. {@code http://127.0.0.1:7301}. */
  public String routerUrl() {
    return routerUrl;
  }

  /** Blocks until the sandbox has been closed (by {@link #close()} or {@code POST /api/shutdown}). */
  public void awaitClosed() throws InterruptedException {
    stopped.await();
  }

  /** Like {@link #awaitClosed()} with a limit; true if it closed in time. */
  public boolean awaitClosed(Duration limit) throws InterruptedException {
    return stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops everything, newest part first; idempotent and safe from any thread. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        log.warn("stopping {} failed", parts.get(i).getClass().getSimpleName(), e);
      }
    }
    loadTicker.shutdownNow();
    httpExecutor.shutdownNow();
    stopped.countDown();
    if (adminUrl != null) {
      log.info("sandbox stopped");
    }
  }
}
