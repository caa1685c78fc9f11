package dev.runbook.sandbox.platform;

import static dev.runbook.sandbox.platform.PlatformException.badInput;
import static dev.runbook.sandbox.platform.PlatformException.conflict;
import static dev.runbook.sandbox.platform.PlatformException.notFound;

import dev.runbook.sandbox.catalog.ReleaseSpec;
import dev.runbook.sandbox.catalog.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blue-green state machine of one service: deploy, traffic, live, retire; and within a slot,
 * its instances (replace, restart) and the service's config.
 *
 * <p>Every action is idempotent (repeating it changes nothing and logs nothing) because Temporal
 * retries activities; every refusal says what state blocks it, so a runbook can tell a bug from a
 * race. The invariants it keeps: weights sum to 100, a slot with weight > 0 runs a release, the live
 * slot runs a release.
 */
final class ServiceState {

  private static final Logger log = LoggerFactory.getLogger(ServiceState.class);

  private final ServiceSpec spec;
  private final SlotLauncher launcher;
  private final ActionLog actions;
  private final Map<Colour, Slot> slots = new EnumMap<>(Colour.class);
  private final ServiceConfig config;
  private Colour live = Colour.BLUE;
  private volatile RouteTable routes;

  ServiceState(ServiceSpec spec, SlotLauncher launcher, ActionLog actions) {
    this.spec = spec;
    this.launcher = launcher;
    this.actions = actions;
    this.config = new ServiceConfig(spec.name());
    for (Colour colour : Colour.values()) {
      slots.put(colour, new Slot(colour));
    }
    publishRoutes();
  }

  String name() {
    return spec.name();
  }

  /** Every release the catalog can deploy for this service, in catalog order. */
  List<String> releases() {
    return spec.versions();
  }

  /** Puts the catalog's live release on blue with all traffic. Not an admin action: not logged. */
  synchronized void startLive() {
    Slot blue = slots.get(Colour.BLUE);
    blue.run(spec.live(), launchAll(Colour.BLUE, spec.release(spec.live()).orElseThrow()), SlotRole.LIVE);
    blue.weight = 100;
    live = Colour.BLUE;
    publishRoutes();
    log.info("{}: {} live on blue at {}", name(), spec.live(), blue.url());
  }

  synchronized ServiceView view() {
    List<SlotView> views = new ArrayList<>();
    for (Slot slot : slots.values()) {
      views.add(slot.view());
    }
    return new ServiceView(name(), live, views);
  }

  synchronized String version(Colour colour) {
    return slots.get(colour).version;
  }

  synchronized List<RunningSlot> running() {
    return slots.values().stream().flatMap(s -> s.instances.stream()).map(Instance::server).toList();
  }

  RouteTable routes() {
    return routes;
  }

  synchronized ServiceView deploy(Colour colour, String version) {
    ReleaseSpec release = spec.release(version).orElseThrow(() -> badInput(
        "unknown version '" + version + "' for " + name() + "; the catalog has "
            + String.join(", ", spec.versions())));
    Slot slot = slots.get(colour);
    if (slot.role.running() && version.equals(slot.version)) {
      return view();
    }
    if (slot.role == SlotRole.LIVE) {
      throw conflict("cannot deploy " + version + " to " + describe(slot)
          + ": it is the live colour; make the other colour live first");
    }
    if (slot.weight > 0) {
      throw conflict("cannot deploy " + version + " to " + describe(slot) + ": it carries "
          + slot.weight + "% of traffic; set its weight to 0 first");
    }
    slot.stop();
    slot.run(version, launchAll(colour, release), SlotRole.CANARY);
    slot.weight = 0;
    publishRoutes();
    record("deploy", slot);
    return view();
  }

  synchronized ServiceView traffic(Colour colour, int weight) {
    if (weight < 0 || weight > 100) {
      throw badInput("weight must be between 0 and 100, got " + weight);
    }
    Slot target = slots.get(colour);
    Slot other = slots.get(colour.other());
    if (target.weight == weight && other.weight == 100 - weight) {
      return view();
    }
    requireRunning(target, weight);
    requireRunning(other, 100 - weight);
    target.weight = weight;
    other.weight = 100 - weight;
    publishRoutes();
    record("traffic", target);
    return view();
  }

  synchronized ServiceView makeLive(Colour colour) {
    if (live == colour) {
      return view();
    }
    Slot slot = slots.get(colour);
    if (slot.weight != 100) {
      throw conflict("cannot make " + describe(slot) + " live: it carries " + slot.weight
          + "% of traffic, not 100%; shift all traffic to it first");
    }
    slots.get(live).role = SlotRole.STANDBY;
    slot.role = SlotRole.LIVE;
    live = colour;
    record("live", slot);
    return view();
  }

  synchronized ServiceView retire(Colour colour) {
    Slot slot = slots.get(colour);
    if (!slot.role.running()) {
      return view();
    }
    if (slot.role == SlotRole.LIVE) {
      throw conflict("cannot retire " + describe(slot) + ": it is the live colour");
    }
    if (slot.weight > 0) {
      throw conflict("cannot retire " + describe(slot) + ": it carries " + slot.weight
          + "% of traffic; set its weight to 0 first");
    }
    slot.stop();
    slot.role = SlotRole.RETIRED;
    publishRoutes();
    record("retire", slot);
    return view();
  }

  /** Stops every slot server, at sandbox shutdown. */
  synchronized void stopAll() {
    slots.values().forEach(Slot::stop);
    publishRoutes();
  }

  private void requireRunning(Slot slot, int newWeight) {
    if (newWeight > 0 && !slot.role.running()) {
      throw conflict("cannot send " + newWeight + "% of traffic to " + describe(slot)
          + ": it runs no release (it is " + slot.role + "); deploy a release there first");
    }
  }

  /** The slot's instances, {@code spec.instances()} of them, each a server of its own with the current config. */
  private List<Instance> launchAll(Colour colour, ReleaseSpec release) {
    List<Instance> started = new ArrayList<>();
    for (int i = 0; i < spec.instances(); i++) {
      started.add(launch(colour, i, release));
    }
    return started;
  }

  private Instance launch(Colour colour, int index, ReleaseSpec release) {
    try {
      return new Instance(index, release.version(), config.revision(),
          launcher.launch(name(), colour, index, release, config.values()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + release.version() + " on " + colour.id()
          + " of " + name() + ": " + e.getMessage(), e);
    }
  }

  private void record(String action, Slot slot) {
    record(action, slot, slot.version, slot.version);
  }

  private void record(String action, Slot slot, String version, String what) {
    ActionRecord entry = actions.append(action, name(), slot.colour, version, slot.weight);
    log.info("#{} {} {} {}: {} {} weight {}", entry.seq(), action, name(), slot.colour.id(),
        slot.role, what, slot.weight);
  }

  void publishRoutes() {
    Slot blue = slots.get(Colour.BLUE);
    Slot green = slots.get(Colour.GREEN);
    routes = new RouteTable(name(), blue.urls(), blue.weight, green.urls(), green.weight);
  }

  // ---- instances and config (rolling deploys, config updates) ---------------------------------

  synchronized List<InstanceView> instances(Colour colour) {
    return slots.get(colour).view().instances();
  }

  /**
   * Starts {@code version} in the place of instance {@code index} of {@code colour}, then stops the
   * instance it replaces (so the slot never has fewer servers than instances). Idempotent: an
   * instance that already runs {@code version} is left alone.
   */
  synchronized List<InstanceView> replace(Colour colour, int index, String version) {
    ReleaseSpec release = spec.release(version).orElseThrow(() -> badInput(
        "unknown version '" + version + "' for " + name() + "; the catalog has " + String.join(", ", spec.versions())));
    Instance current = instance(colour, index);
    if (current.version().equals(version)) {
      return instances(colour);
    }
    Slot slot = slots.get(colour);
    slot.swap(launch(colour, index, release));
    publishRoutes();
    record("replace", slot, version, version + " on instance " + index);
    return instances(colour);
  }

  /**
   * Restarts instance {@code index} of {@code colour} so it reads the current config. Idempotent:
   * an instance that already started with the current revision is left alone.
   */
  synchronized List<InstanceView> restart(Colour colour, int index) {
    Instance current = instance(colour, index);
    if (current.configRevision() == config.revision()) {
      return instances(colour);
    }
    Slot slot = slots.get(colour);
    slot.swap(launch(colour, index, spec.release(current.version()).orElseThrow()));
    publishRoutes();
    record("restart", slot, current.version(), "instance " + index + " on config revision " + config.revision());
    return instances(colour);
  }

  synchronized ConfigView config() {
    return config.view();
  }

  /** See {@link ServiceConfig#change}; running instances keep their config until restarted. */
  synchronized ConfigView changeConfig(Map<String, String> set, Map<String, String> secrets, List<String> unset) {
    if (config.change(set, secrets, unset)) {
      log.info("{}: config revision {} ({})", name(), config.revision(), config.view().hash());
    }
    return config.view();
  }

  synchronized ConfigView restoreConfig(int revision) {
    if (config.restore(revision)) {
      log.info("{}: config revision {} restores revision {}", name(), config.revision(), revision);
    }
    return config.view();
  }

  private Instance instance(Colour colour, int index) {
    Slot slot = slots.get(colour);
    if (!slot.role.running()) {
      throw conflict(describe(slot) + " runs no instances");
    }
    if (index < 0 || index >= slot.instances.size()) {
      throw notFound("instance " + index + " of " + describe(slot) + " does not exist; it has instances 0 to "
          + (slot.instances.size() - 1));
    }
    return slot.instances.get(index);
  }

  private String describe(Slot slot) {
    return slot.colour.id() + " of " + name() + " (" + slot.role
        + (slot.version == null ? "" : " " + slot.version) + ")";
  }
}
