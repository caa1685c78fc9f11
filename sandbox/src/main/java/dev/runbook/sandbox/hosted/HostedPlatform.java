package dev.runbook.sandbox.hosted;

import static dev.runbook.sandbox.platform.PlatformException.badInput;
import static dev.runbook.sandbox.platform.PlatformException.conflict;
import static dev.runbook.sandbox.platform.PlatformException.notFound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A hosted platform (Fly.io, Railway, Render) in miniature: per service an ordered list of
 * releases, the current one, a health answer, and a rollback to a recorded release that is a new
 * release running the recorded image (as {@code flyctl deploy --image} does). Faults are set per
 * version, so a test can make exactly one platform's new release unhealthy, or its rollback fail.
 * Thread-safe: every call holds the platform's monitor (calls are rare and short).
 */
public final class HostedPlatform {
  private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  /** A refused rollback, as a platform's API error would be: the caller may not retry it away. */
  public static final String ROLLBACK_FAULT = "rollback failed on the platform (fault injected)";

  private final String name;
  private final LongSupplier clock;
  private final Map<String, List<HostedRelease>> releases = new LinkedHashMap<>();
  private final Map<String, String> current = new LinkedHashMap<>();
  private final Set<String> unhealthy = new HashSet<>();
  private final Set<String> rollbackFails = new HashSet<>();
  private int nextId = 1;

  public HostedPlatform(String name, LongSupplier clock) {
    this.name = name;
    this.clock = clock;
  }

  public String name() {
    return name;
  }

  /** The image a version is published as in the sandbox's registry. */
  public static String imageOf(String service, String version) {
    return "registry.sandbox.local/" + service + ":" + version;
  }

  /** Deploys {@code version} ({@code image}, or the registry's when null) as a new current release. */
  public synchronized HostedRelease deploy(String service, String version, String image) {
    checkService(service);
    if (version == null || !VERSION.matcher(version).matches()) {
      throw badInput("version '" + version + "' is not a release version like v2.1.0");
    }
    return record(service, version, image == null ? imageOf(service, version) : image, null);
  }

  public synchronized List<HostedRelease> releases(String service) {
    return List.copyOf(known(service));
  }

  public synchronized HostedRelease current(String service) {
    String id = current.get(service);
    return known(service).stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> notFound(service + " has no current release on " + name));
  }

  /**
   * Goes back to the recorded release {@code releaseId}: a new release running its image. Refused
   * (409) while the current version carries a rollback fault.
   */
  public synchronized HostedRelease rollback(String service, String releaseId) {
    HostedRelease target = known(service).stream().filter(r -> r.id().equals(releaseId)).findFirst()
        .orElseThrow(() -> notFound("release '" + releaseId + "' of " + service + " is not on " + name));
    if (rollbackFails.contains(service + "/" + current(service).version())) {
      throw conflict(ROLLBACK_FAULT + ": " + name + " could not roll " + service + " back to " + releaseId);
    }
    return record(service, target.version(), target.image(), target.id());
  }

  /** True when the current release answers its health check. */
  public synchronized boolean healthy(String service) {
    return !unhealthy.contains(service + "/" + current(service).version());
  }

  /** Makes {@code version} of {@code service} fail its health check, or its rollback, or neither. */
  public synchronized Map<String, Object> fault(String service, String version, boolean failHealth, boolean failRollback) {
    checkService(service);
    String key = service + "/" + version;
    toggle(unhealthy, key, failHealth);
    toggle(rollbackFails, key, failRollback);
    return Map.of("service", service, "version", version, "failHealth", failHealth, "failRollback", failRollback);
  }

  /** Forgets every fault (tests share one sandbox). */
  public synchronized void clearFaults() {
    unhealthy.clear();
    rollbackFails.clear();
  }

  private static void toggle(Set<String> set, String key, boolean on) {
    if (on) {
      set.add(key);
    } else {
      set.remove(key);
    }
  }

  private HostedRelease record(String service, String version, String image, String rollbackOf) {
    HostedRelease release = new HostedRelease(name + "-r" + nextId++, version, image, clock.getAsLong(), rollbackOf);
    releases.computeIfAbsent(service, s -> new ArrayList<>()).add(release);
    current.put(service, release.id());
    return release;
  }

  private List<HostedRelease> known(String service) {
    checkService(service);
    List<HostedRelease> list = releases.get(service);
    if (list == null) {
      throw notFound("service '" + service + "' has no releases on " + name);
    }
    return list;
  }

  private static void checkService(String service) {
    if (service == null || !SERVICE.matcher(service).matches()) {
      throw badInput("service '" + service + "' is not a service name (lowercase letters, digits, '-')");
    }
  }
}
