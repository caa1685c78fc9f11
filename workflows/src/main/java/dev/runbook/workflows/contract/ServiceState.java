package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/** What the platform says about a service: both colours and which one is live. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceState(String service, String environment, String liveColour, List<SlotState> slots) {

  public Optional<SlotState> slot(String colour) {
    return slots.stream().filter(s -> s.colour().equals(colour)).findFirst();
  }

  public String liveVersion() {
    return slot(liveColour).map(SlotState::version).orElse(null);
  }

  /** The colour that is not live: where a new release goes. */
  public String idleColour() {
    return slots.stream().map(SlotState::colour).filter(c -> !c.equals(liveColour)).findFirst().orElseThrow();
  }

  public Optional<SlotState> slotRunning(String version) {
    return slots.stream().filter(s -> version.equals(s.version()) && s.role() != SlotRole.RETIRED).findFirst();
  }
}
