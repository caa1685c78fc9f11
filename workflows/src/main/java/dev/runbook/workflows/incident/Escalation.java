package dev.runbook.workflows.incident;

import dev.runbook.workflows.api.EscalationPage;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.contract.EscalationLevel;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.kit.StatusTracker;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pages the policy's levels in order, each on a durable timer, until someone acknowledges or
 * resolves: level 1 at once, the next when the previous level's time is up, the whole chain
 * {@code repeats} more times. Due times are counted from the start of the chain, not from when a
 * page was sent, so a slow notifier never shifts the schedule. A sev 2 or 3 pages the first level
 * only (a sev 3 to the channel, not the pager).
 */
final class Escalation {
  private final IncidentFile file;
  private final IncidentNotices notices;
  private final StatusTracker status;

  Escalation(IncidentFile file, IncidentNotices notices, StatusTracker status) {
    this.file = file;
    this.notices = notices;
    this.status = status;
  }

  /**
   * Pages from level 1, the first page due at {@code startAt} (the open, or the instant an ack
   * timed out); returns once the incident is acknowledged or resolved.
   */
  void untilAcknowledged(long startAt) {
    EscalationPolicy policy = file.policy();
    int levels = file.severity().escalatesPastFirstLevel() ? policy.levels().size() : 1;
    int rounds = file.severity().pages() ? policy.repeats() + 1 : 1;
    status.phase(Phase.AWAITING_APPROVAL, "escalating until acknowledged");
    status.waitingFor("acknowledgement", policy.everyone());
    long due = startAt;
    for (int round = 1; round <= rounds; round++) {
      for (int level = 1; level <= levels; level++) {
        if (file.acknowledgedOrResolved()) {
          return;
        }
        page(level, due);
        EscalationLevel l = policy.levels().get(level - 1);
        due += l.escalateAfterSeconds() * 1000;
        String next = level < levels ? "escalate to level " + (level + 1)
            : round < rounds ? "repeat from level 1" : "escalation ends";
        if (Timers.awaitUntil(due, next, file::acknowledgedOrResolved)) {
          return;
        }
      }
    }
    file.exhausted();
    Workflow.await(file::acknowledgedOrResolved);
  }

  private void page(int level, long dueAt) {
    EscalationPage p = file.paged(level, dueAt);
    status.phase(Phase.AWAITING_APPROVAL, "level " + level + " (" + p.levelName() + ") paged: "
        + String.join(", ", p.who()));
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("level", String.valueOf(level));
    facts.put("levelName", p.levelName());
    facts.put("who", String.join(", ", p.who()));
    facts.put("page", String.valueOf(p.page()));
    facts.put("acknowledge", notices.commands("ack"));
    notices.send(file.severity().pages() ? Severity.PAGE : Severity.INFO, p.dedupKey(),
        "level " + level + " (" + p.levelName() + ")", file.opening().summary() + "\nAcknowledge: "
            + notices.commands("ack") + "\nResponse target: " + file.severity().responseTargetSeconds() / 60 + " min",
        facts);
  }
}
