package dev.runbook.activities.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's {@code GET /api/services/{service}} body. Kept apart from {@link ServiceState}
 * because it also carries each slot's direct URL, which only the smoke test needs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SandboxServiceView(String service, String liveColour, List<Slot> slots) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Slot(String colour, String version, SlotRole role, int weight, String url) {}

  ServiceState toState(String environment) {
    List<SlotState> states = slots == null ? List.of()
        : slots.stream().map(s -> new SlotState(s.colour(), s.version(), s.role(), s.weight())).toList();
    return new ServiceState(service, environment, liveColour, states);
  }

  Optional<Slot> slot(String colour) {
    return slots == null ? Optional.empty() : slots.stream().filter(s -> colour.equals(s.colour())).findFirst();
  }
}
