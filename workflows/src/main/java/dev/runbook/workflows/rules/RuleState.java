package dev.runbook.workflows.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a rule remembers between reads, kept in the watch activity's heartbeat details so that a
 * breach that began before a worker crash still counts after it.
 *
 * @param breachSinceMillis first read of the current uninterrupted breach, null when not breaching
 * @param firedAtMillis when the rule last fired (notify/page rules fire once per breach)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleState(Long breachSinceMillis, Long firedAtMillis, int conclusiveReads, int inconclusiveReads) {

  public static RuleState initial() {
    return new RuleState(null, null, 0, 0);
  }
}
