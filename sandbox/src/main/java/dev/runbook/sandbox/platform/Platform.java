package dev.runbook.sandbox.platform;

import static dev.runbook.sandbox.platform.PlatformException.badInput;
import static dev.runbook.sandbox.platform.PlatformException.notFound;

import dev.runbook.sandbox.catalog.Catalog;
import dev.runbook.sandbox.catalog.ServiceSpec;
import dev.runbook.sandbox.metrics.MetricsRegistry;
import dev.runbook.sandbox.metrics.PrometheusWriter;
import dev.runbook.sandbox.metrics.WindowStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stand-in platform as its API sees it: the services of the catalog, their slots, the action
 * log and the per-slot numbers. Names from the outside world (service, colour) are checked here so
 * every caller gets the same 404 messages.
 */
public final class Platform implements AutoCloseable {

  /** Longest stats lookback in seconds; the sliding window keeps exactly this much. */
  public static final int MAX_LOOKBACK_SECONDS = 600;

  private final Map<String, ServiceState> services = new LinkedHashMap<>();
  private final ActionLog actions;
  private final MetricsRegistry metrics;

  public Platform(Catalog catalog, SlotLauncher launcher, MetricsRegistry metrics) {
    this.metrics = metrics;
    this.actions = new ActionLog(metrics::nowMillis);
    for (ServiceSpec spec : catalog.all()) {
      services.put(spec.name(), new ServiceState(spec, launcher, actions));
    }
  }

  /** Starts every service's live release on blue. */
  public void startLiveReleases() {
    services.values().forEach(ServiceState::startLive);
  }

  public List<ServiceView> services() {
    return services.values().stream().map(ServiceState::view).toList();
  }

  public ServiceView service(String service) {
    return state(service).view();
  }

  /** The releases {@code service} can deploy: {@code {"service": ..., "versions": [...]}}. */
  public Map<String, Object> releases(String service) {
    return Map.of("service", service, "versions", state(service).releases());
  }

  public ServiceView deploy(String service, String colour, String version) {
    return state(service).deploy(colour(colour), version);
  }

  public ServiceView traffic(String service, String colour, int weight) {
    return state(service).traffic(colour(colour), weight);
  }

  public ServiceView makeLive(String service, String colour) {
    return state(service).makeLive(colour(colour));
  }

  public ServiceView retire(String service, String colour) {
    return state(service).retire(colour(colour));
  }

  public List<InstanceView> instances(String service, String colour) {
    return state(service).instances(colour(colour));
  }

  public List<InstanceView> replaceInstance(String service, String colour, int index, String version) {
    return state(service).replace(colour(colour), index, version);
  }

  public List<InstanceView> restartInstance(String service, String colour, int index) {
    return state(service).restart(colour(colour), index);
  }

  public ConfigView config(String service) {
    return state(service).config();
  }

  public ConfigView changeConfig(String service, Map<String, String> set, Map<String, String> secrets,
      List<String> unset) {
    return state(service).changeConfig(set, secrets, unset);
  }

  public ConfigView restoreConfig(String service, int revision) {
    return state(service).restoreConfig(revision);
  }

  /** The slot's numbers over the last {@code lookbackSeconds} (1..600). */
  public SlotStats stats(String service, String colourId, int lookbackSeconds) {
    return stats(service, colourId, lookbackSeconds, null);
  }

  /**
   * The numbers of {@code version} on the slot (null: the release the slot runs) over the last
   * {@code lookbackSeconds} (1..600). During a rolling replace a colour serves two releases, and
   * each is read on its own, so the new one is compared with the old one on the same colour.
   */
  public SlotStats stats(String service, String colourId, int lookbackSeconds, String requestedVersion) {
    ServiceState state = state(service);
    Colour colour = colour(colourId);
    if (lookbackSeconds < 1 || lookbackSeconds > MAX_LOOKBACK_SECONDS) {
      throw badInput("lookback must be between 1 and " + MAX_LOOKBACK_SECONDS
          + " seconds, got " + lookbackSeconds);
    }
    String version = requestedVersion != null ? requestedVersion : state.version(colour);
    WindowStats window = version == null
        ? WindowStats.EMPTY
        : metrics.slot(service, colour.id(), version).window(sinceLastDeploy(service, colour, lookbackSeconds));
    return new SlotStats(service, colour, version, window.requests(), window.errors(),
        window.errorRatePercent(), window.p95Ms(), window.healthChecks(), window.healthFailures(),
        window.complaints(), metrics.nowMillis());
  }

  /**
   * The lookback cut to the colour's latest deploy: a series is keyed by service, colour and
   * version, so a release deployed again to the same colour must not be judged on what its
   * previous deployment served (that is how a real platform's new pods start with empty counters).
   * Granularity is the one-second bucket: requests of the deploy's own second still count.
   */
  private int sinceLastDeploy(String service, Colour colour, int lookbackSeconds) {
    long deployedAt = actions.entries().stream()
        .filter(a -> a.action().equals("deploy") && a.service().equals(service) && a.colour() == colour)
        .mapToLong(ActionRecord::atMillis).max().orElse(Long.MIN_VALUE);
    if (deployedAt == Long.MIN_VALUE) {
      return lookbackSeconds;
    }
    // Whole per-second buckets from the deploy's second to the current one, both included.
    long seconds = Math.floorDiv(metrics.nowMillis(), 1000L) - Math.floorDiv(deployedAt, 1000L) + 1;
    return (int) Math.max(1, Math.min(lookbackSeconds, seconds));
  }

  public List<ActionRecord> actions() {
    return actions.entries();
  }

  /** Where each service's traffic goes right now; null for an unknown service. */
  public RouteTable routes(String service) {
    ServiceState state = services.get(service);
    return state == null ? null : state.routes();
  }

  public List<String> serviceNames() {
    return List.copyOf(services.keySet());
  }

  /** Every slot that runs a release, for the health prober. */
  public List<RunningSlot> runningSlots() {
    List<RunningSlot> running = new ArrayList<>();
    services.values().forEach(s -> running.addAll(s.running()));
    return running;
  }

  /** Prometheus text of every series plus the current traffic weights. */
  public String prometheusText() {
    List<PrometheusWriter.Weight> weights = new ArrayList<>();
    for (ServiceState state : services.values()) {
      RouteTable routes = state.routes();
      weights.add(new PrometheusWriter.Weight(state.name(), Colour.BLUE.id(), routes.blueWeight()));
      weights.add(new PrometheusWriter.Weight(state.name(), Colour.GREEN.id(), routes.greenWeight()));
    }
    return PrometheusWriter.render(metrics.all(), weights);
  }

  /** Stops every slot server. */
  @Override
  public void close() {
    services.values().forEach(ServiceState::stopAll);
  }

  private ServiceState state(String service) {
    ServiceState state = services.get(service);
    if (state == null) {
      throw notFound("unknown service '" + service + "'; the sandbox has "
          + String.join(", ", services.keySet()));
    }
    return state;
  }

  private static Colour colour(String id) {
    return Colour.parse(id).orElseThrow(() ->
        notFound("unknown colour '" + id + "'; colours are blue and green"));
  }
}
