package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is paged for an incident in one environment, and when. Copied into the incident at open
 * (the opener puts it in the run's input, or the run resolves it once into its history), so
 * editing the configuration never changes an incident that is open.
 *
 * @param levels the chain, paged in order
 * @param repeats how many more times the whole chain is paged after its last level went
 *     unacknowledged (0: once)
 * @param ackTimeoutSeconds an acknowledged incident not resolved within this time is escalated
 *     again from level 1
 * @param reportDueSeconds the post-incident report is due this long after resolve (seed 000: 24h)
 * @param reportRemindEverySeconds a reminder goes out this often until the report is filed or due
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscalationPolicy(List<EscalationLevel> levels, int repeats, long ackTimeoutSeconds,
    long reportDueSeconds, long reportRemindEverySeconds) {

  public EscalationPolicy {
    levels = levels == null ? List.of() : List.copyOf(levels);
  }

  /** Whether {@code person} is on any level, so may acknowledge and resolve. */
  public boolean isOnCall(String person) {
    return person != null && levels.stream().anyMatch(l -> l.who().contains(person));
  }

  /** Everyone on the policy, in level order, each once. */
  public List<String> everyone() {
    return levels.stream().flatMap(l -> l.who().stream()).distinct().toList();
  }

  /** Every problem with the policy, each naming its key; empty when valid. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (levels.isEmpty()) {
      problems.add("levels: at least one escalation level is required");
    }
    for (int i = 0; i < levels.size(); i++) {
      EscalationLevel level = levels.get(i);
      String at = "levels[" + i + "]";
      if (level.name() == null || level.name().isBlank()) {
        problems.add(at + ".name is required");
      }
      if (level.who().isEmpty() || level.who().stream().anyMatch(w -> w == null || w.isBlank())) {
        problems.add(at + ".who must name at least one person, none blank");
      }
      if (level.escalateAfterSeconds() <= 0) {
        problems.add(at + ".escalate-after must be positive, got " + level.escalateAfterSeconds() + "s");
      }
    }
    if (repeats < 0 || repeats > 10) {
      problems.add("repeats must be between 0 and 10, got " + repeats);
    }
    if (ackTimeoutSeconds <= 0) {
      problems.add("ack-timeout must be positive, got " + ackTimeoutSeconds + "s");
    }
    if (reportDueSeconds <= 0) {
      problems.add("report-due must be positive, got " + reportDueSeconds + "s");
    }
    if (reportRemindEverySeconds <= 0 || reportRemindEverySeconds > reportDueSeconds) {
      problems.add("report-remind-every must be positive and at most report-due, got " + reportRemindEverySeconds + "s");
    }
    return problems;
  }
}
