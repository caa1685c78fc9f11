package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The gate a notification asks a person to pass: which step waits, for which decision, and who
 * may decide. Every decision is sent as the {@code promote} signal or update; {@code abort} ends
 * the run instead.
 *
 * @param step the step's number as the status shows it (1 for the first)
 * @param label the step's name ("Canary 10%")
 * @param decision what the run waits for: "promote", or a procedure's own word ("acknowledge")
 * @param approvers who may decide in this environment
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateNotice(int step, String label, String decision, List<String> approvers) {

  public GateNotice {
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
  }
}
