package dev.runbook.starter.incident;

import dev.runbook.workflows.api.EscalationPage;
import dev.runbook.workflows.api.IncidentEvent;
import dev.runbook.workflows.api.IncidentView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** `runbook incident status` as text: a key/value header, the pages, the timeline (UTC). */
final class IncidentText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private IncidentText() {}

  static String status(IncidentView v) {
    StringBuilder s = new StringBuilder();
    line(s, "Incident", v.workflowId());
    line(s, "Severity", "sev" + v.severity() + " (response target " + v.responseTargetSeconds() / 60 + " min)");
    line(s, "State", v.state().name());
    line(s, "Summary", v.summary());
    line(s, "Opened", Instant.ofEpochMilli(v.openedAtMillis()) + " by " + v.openedBy());
    line(s, "Acknowledged", v.firstAck() == null ? "no"
        : v.firstAck().by() + " at level " + v.firstAck().level() + " after " + v.firstAck().secondsFromOpen()
            + "s: target " + (v.firstAck().targetMet() ? "met" : "missed"));
    if (v.resolvedAtMillis() != null) {
      line(s, "Resolved", Instant.ofEpochMilli(v.resolvedAtMillis()) + " by " + v.resolvedBy() + ": " + v.resolution());
    }
    s.append("\nPages\n");
    for (EscalationPage p : v.pages()) {
      s.append("  ").append(TIME.format(Instant.ofEpochMilli(p.firedAtMillis()))).append("  level ").append(p.level())
          .append(" ").append(p.levelName()).append(" (").append(String.join(", ", p.who())).append(") page ")
          .append(p.page()).append('\n');
    }
    s.append("\nTimeline\n");
    for (IncidentEvent e : v.timeline()) {
      s.append("  ").append(TIME.format(Instant.ofEpochMilli(e.atMillis()))).append("  ")
          .append(e.kind().name().toLowerCase().replace('_', ' ')).append(": ").append(e.text()).append('\n');
    }
    return s.toString();
  }

  private static void line(StringBuilder s, String key, String value) {
    s.append(String.format("%-14s%s%n", key, value));
  }
}
