package dev.runbook.activities.platform;

import dev.runbook.workflows.contract.PlatformActivities;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a service's traffic back on its live colour when the run that split it is gone (a lost
 * run on the embedded stack): 100% to the live colour, then every canary slot retired. Only for
 * a target no run owns any more; each call reads the platform first, so it is idempotent.
 *
 * @param platformOf the platform serving a service in an environment
 */
public record OrphanedTraffic(PlatformActivities platform, PlatformOf platformOf) {

  /** Which platform serves {@code service} in {@code environment}; null when none does. */
  @FunctionalInterface
  public interface PlatformOf {
    String platform(String service, String environment);
  }

  /** What was done, e.g. "100% back on blue (v1.5.0); retired canary green (v1.5.1)"; null when no platform target. */
  public String restore(String service, String environment) {
    String name = platformOf.platform(service, environment);
    if (name == null) {
      return null;
    }
    ServiceState state = platform.describeService(name, service, environment);
    String live = state.liveColour();
    List<String> done = new ArrayList<>();
    boolean split = state.slots().stream().anyMatch(s -> !s.colour().equals(live) && s.weight() > 0);
    if (split) {
      platform.shiftTraffic(name, service, environment, live, 100);
      done.add("100% back on " + live + " (" + state.liveVersion() + ")");
    }
    for (SlotState slot : state.slots()) {
      if (!slot.colour().equals(live) && slot.role() == SlotRole.CANARY) {
        platform.retireSlot(name, service, environment, slot.colour());
        done.add("retired canary " + slot.colour() + " (" + slot.version() + ")");
      }
    }
    return done.isEmpty() ? "traffic already all on live " + live : String.join("; ", done);
  }
}
