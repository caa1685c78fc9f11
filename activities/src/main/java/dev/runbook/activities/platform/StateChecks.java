package dev.runbook.activities.platform;

import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import java.util.stream.Collectors;

/**
 * The "does the state already hold?" questions every provider asks before it changes anything;
 * answering them the same way everywhere is what makes a retried platform activity a no-op.
 */
final class StateChecks {
  private StateChecks() {}

  static SlotState requireSlot(ServiceState state, String colour) {
    return state.slot(colour).orElseThrow(() -> PlatformFailures.nonRetryable(
        PlatformFailures.INVALID_ARGUMENT,
        "service '" + state.service() + "' in '" + state.environment() + "' has no colour '" + colour
            + "'; colours: " + state.slots().stream().map(SlotState::colour).collect(Collectors.joining(", "))));
  }

  static boolean runs(SlotState slot, String version) {
    return version.equals(slot.version()) && slot.role() != SlotRole.RETIRED && slot.role() != SlotRole.EMPTY;
  }

  static boolean stopped(SlotState slot) {
    return slot.role() == SlotRole.RETIRED || slot.role() == SlotRole.EMPTY;
  }

  static boolean isLive(ServiceState state, String colour) {
    return colour.equals(state.liveColour());
  }

  /** The colour that gets the rest of the traffic when {@code colour} gets its weight. */
  static String otherColour(ServiceState state, String colour) {
    return state.slots().stream().map(SlotState::colour).filter(c -> !c.equals(colour)).findFirst()
        .orElseThrow(() -> PlatformFailures.nonRetryable(PlatformFailures.INVALID_ARGUMENT,
            "service '" + state.service() + "' has only colour '" + colour + "'; blue-green needs two"));
  }
}
