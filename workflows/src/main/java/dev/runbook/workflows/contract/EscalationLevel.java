package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One level of an escalation chain (seed 002: development team 0-15 min, technical leadership
 * 15-30, executive 30-60): who is paged, and how long they have to acknowledge before the next
 * level is paged.
 *
 * @param name what the level is called ("development team")
 * @param who the people paged at this level; each may acknowledge and resolve
 * @param escalateAfterSeconds time from this level's page to the next level's
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscalationLevel(String name, List<String> who, long escalateAfterSeconds) {

  public EscalationLevel {
    who = who == null ? List.of() : List.copyOf(who);
  }
}
