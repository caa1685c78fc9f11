package dev.runbook.activities.hosted;

import dev.runbook.activities.support.Heartbeats;
import dev.runbook.workflows.contract.PlatformCall;
import dev.runbook.workflows.contract.PlatformHealth;
import dev.runbook.workflows.contract.PlatformRelease;
import dev.runbook.workflows.contract.PlatformTarget;
import dev.runbook.workflows.multiplatform.MultiPlatformActivities;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The multi-platform activities over the configured adapters. Every changing call reads the
 * platform first (at-least-once: a retry after a crash finds the change made and returns it).
 */
public final class MultiPlatformActivitiesImpl implements MultiPlatformActivities {
  private final Map<String, List<HostedPlatformSpec>> byEnvironment;
  private final Duration probeEvery;

  /** @param byEnvironment each environment's platforms in deploy order */
  public MultiPlatformActivitiesImpl(Map<String, List<HostedPlatformSpec>> byEnvironment, Duration probeEvery) {
    this.byEnvironment = Map.copyOf(byEnvironment);
    this.probeEvery = probeEvery;
  }

  @Override
  public List<PlatformTarget> planPlatforms(String environment, List<String> requested) {
    List<HostedPlatformSpec> configured = byEnvironment.get(environment);
    if (configured == null || configured.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure("environment '" + environment + "' has no platforms configured"
          + " for multi-platform deploys; configured environments: " + new TreeSet<>(byEnvironment.keySet()), UNKNOWN_PLATFORM);
    }
    List<String> names = configured.stream().map(HostedPlatformSpec::name).toList();
    if (requested != null) {
      List<String> unknown = requested.stream().filter(r -> !names.contains(r)).toList();
      if (!unknown.isEmpty()) {
        throw ApplicationFailure.newNonRetryableFailure("unknown platform" + (unknown.size() > 1 ? "s " : " ")
            + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList()) + " in " + environment
            + "; configured: " + String.join(", ", names), UNKNOWN_PLATFORM);
      }
    }
    List<PlatformTarget> plan = new ArrayList<>();
    for (HostedPlatformSpec spec : configured) {
      if (requested == null || requested.isEmpty() || requested.contains(spec.name())) {
        plan.add(new PlatformTarget(spec.name(), spec.role(), (int) Math.max(1, spec.healthTimeout().toSeconds())));
      }
    }
    return plan;
  }

  @Override
  public PlatformRelease recordPlatformRelease(PlatformCall call) {
    return spec(call).adapter().current(call.service(), call.environment());
  }

  @Override
  public PlatformRelease deployToPlatform(PlatformCall call) {
    PlatformAdapter adapter = spec(call).adapter();
    PlatformRelease now = adapter.current(call.service(), call.environment());
    if (call.version().equals(now.version())) {
      return now; // already there: a retry of a deploy that landed, or nothing to do
    }
    return adapter.deploy(call.service(), call.environment(), call.version());
  }

  @Override
  public PlatformHealth checkPlatformHealth(PlatformCall call) {
    HostedPlatformSpec spec = spec(call);
    long deadline = System.nanoTime() + spec.healthTimeout().toNanos();
    PlatformHealth last;
    int probes = 0;
    while (true) {
      last = spec.adapter().probeHealth(call.service(), call.environment());
      probes++;
      if (last.healthy() || System.nanoTime() >= deadline) {
        break;
      }
      Heartbeats.beat(probes);
      sleep();
    }
    return new PlatformHealth(last.healthy(), last.detail() + (last.healthy() ? "" : " (" + probes + " probes over "
        + spec.healthTimeout().toSeconds() + "s)"));
  }

  @Override
  public PlatformRelease rollBackPlatform(PlatformCall call) {
    PlatformAdapter adapter = spec(call).adapter();
    PlatformRelease recorded = call.recorded();
    PlatformRelease now = adapter.current(call.service(), call.environment());
    if (recorded.version() != null && recorded.version().equals(now.version())
        && (recorded.image() == null || recorded.image().equals(now.image()))) {
      return now; // already back: a retry of a rollback that landed, or a deploy that never did
    }
    return adapter.rollback(call.service(), call.environment(), recorded);
  }

  private HostedPlatformSpec spec(PlatformCall call) {
    return byEnvironment.getOrDefault(call.environment(), List.of()).stream()
        .filter(s -> s.name().equals(call.platform())).findFirst()
        .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("unknown platform '" + call.platform() + "' in "
            + call.environment(), UNKNOWN_PLATFORM));
  }

  private void sleep() {
    try {
      Thread.sleep(probeEvery.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }
}
