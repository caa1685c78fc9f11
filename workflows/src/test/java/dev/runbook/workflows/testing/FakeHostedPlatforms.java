package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.PlatformCall;
import dev.runbook.workflows.contract.PlatformHealth;
import dev.runbook.workflows.contract.PlatformRelease;
import dev.runbook.workflows.contract.PlatformTarget;
import dev.runbook.workflows.multiplatform.MultiPlatformActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fly, Railway and Render in memory (seed 002's roles), each on {@link #BEFORE} until deployed;
 * every call is recorded in order ("deploy fly v2.1.0", "rollback railway fly-r1"), and a test
 * makes a platform unhealthy or its rollback fail.
 */
public final class FakeHostedPlatforms implements MultiPlatformActivities {
  public static final String BEFORE = "v2.0.0";
  public static final List<PlatformTarget> CONFIGURED = List.of(new PlatformTarget("fly", "primary", 10),
      new PlatformTarget("railway", "secondary", 10), new PlatformTarget("render", "tertiary", 10));

  private final Map<String, PlatformRelease> current = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final Set<String> unhealthy = new HashSet<>();
  private final Set<String> rollbackFails = new HashSet<>();
  private int nextId = 2;

  public FakeHostedPlatforms() {
    CONFIGURED.forEach(t -> current.put(t.name(), release(t.name(), t.name() + "-r1", BEFORE)));
  }

  public synchronized FakeHostedPlatforms unhealthy(String platform) {
    unhealthy.add(platform);
    return this;
  }

  public synchronized FakeHostedPlatforms rollbackFails(String platform) {
    rollbackFails.add(platform);
    return this;
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Calls that change a platform, in order. */
  public synchronized List<String> changes() {
    return calls.stream().filter(c -> c.startsWith("deploy") || c.startsWith("rollback")).toList();
  }

  public synchronized String versionOn(String platform) {
    return current.get(platform).version();
  }

  @Override
  public synchronized List<PlatformTarget> planPlatforms(String environment, List<String> requested) {
    calls.add("plan " + environment + " " + requested);
    if (requested == null || requested.isEmpty()) {
      return CONFIGURED;
    }
    for (String name : requested) {
      if (CONFIGURED.stream().noneMatch(t -> t.name().equals(name))) {
        throw ApplicationFailure.newNonRetryableFailure("unknown platform '" + name + "' in " + environment
            + "; configured: fly, railway, render", UNKNOWN_PLATFORM);
      }
    }
    return CONFIGURED.stream().filter(t -> requested.contains(t.name())).toList();
  }

  @Override
  public synchronized PlatformRelease recordPlatformRelease(PlatformCall call) {
    calls.add("record " + call.platform());
    return current.get(call.platform());
  }

  @Override
  public synchronized PlatformRelease deployToPlatform(PlatformCall call) {
    PlatformRelease now = current.get(call.platform());
    if (now.version().equals(call.version())) {
      return now;
    }
    calls.add("deploy " + call.platform() + " " + call.version());
    PlatformRelease next = release(call.platform(), call.platform() + "-r" + nextId++, call.version());
    current.put(call.platform(), next);
    return next;
  }

  @Override
  public synchronized PlatformHealth checkPlatformHealth(PlatformCall call) {
    calls.add("health " + call.platform());
    boolean healthy = !unhealthy.contains(call.platform());
    return new PlatformHealth(healthy, healthy ? "200 ok" : "503 failing for 10s");
  }

  @Override
  public synchronized PlatformRelease rollBackPlatform(PlatformCall call) {
    PlatformRelease recorded = call.recorded();
    PlatformRelease now = current.get(call.platform());
    if (now.version().equals(recorded.version()) && now.image().equals(recorded.image())) {
      return now;
    }
    calls.add("rollback " + call.platform() + " " + recorded.releaseId());
    if (rollbackFails.contains(call.platform())) {
      throw ApplicationFailure.newNonRetryableFailure(call.platform() + " refused the rollback (409)", ROLLBACK_REFUSED);
    }
    PlatformRelease back = new PlatformRelease(call.platform(), call.platform() + "-r" + nextId++, recorded.version(),
        recorded.image(), null);
    current.put(call.platform(), back);
    return back;
  }

  private static PlatformRelease release(String platform, String id, String version) {
    return new PlatformRelease(platform, id, version, "registry.example.com/web:" + version, null);
  }
}
