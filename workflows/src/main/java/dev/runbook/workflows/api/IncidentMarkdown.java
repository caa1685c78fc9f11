package dev.runbook.workflows.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The post-incident report as Markdown, times in UTC; pure code, so the CLI and tests share it. */
public final class IncidentMarkdown {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private IncidentMarkdown() {}

  public static String render(IncidentView v) {
    StringBuilder md = new StringBuilder();
    md.append("# Incident ").append(v.workflowId()).append(": sev").append(v.severity()).append('\n').append('\n');
    md.append(v.summary()).append("\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "Service", v.service() + " in " + v.environment());
    row(md, "State", String.valueOf(v.state()));
    row(md, "Opened", at(v.openedAtMillis()) + " by " + v.openedBy());
    row(md, "Response target", minutes(v.responseTargetSeconds()));
    if (v.firstAck() != null) {
      row(md, "Acknowledged", at(v.firstAck().atMillis()) + " by " + v.firstAck().by() + " at level "
          + v.firstAck().level() + ", " + minutes(v.firstAck().secondsFromOpen()) + " after open: target "
          + (v.firstAck().targetMet() ? "met" : "missed"));
    } else {
      row(md, "Acknowledged", "not yet");
    }
    if (v.resolvedAtMillis() != null) {
      row(md, "Resolved", at(v.resolvedAtMillis()) + " by " + v.resolvedBy() + ": " + v.resolution());
    }
    if (v.reportDueAtMillis() != null) {
      row(md, "Report due", at(v.reportDueAtMillis()));
    }
    if (v.rootCause() != null) {
      row(md, "Root cause", v.rootCause() + " (" + v.reportBy() + ")");
    }
    md.append("\n## Actions taken by runbooks\n\n");
    if (v.actions().isEmpty()) {
      md.append("- none\n");
    }
    v.actions().forEach(a -> md.append("- ").append(a).append('\n'));
    md.append("\n## Escalation\n\n| Level | Who | Page | Due | Sent | Dedup key |\n|---|---|---|---|---|---|\n");
    for (EscalationPage p : v.pages()) {
      md.append("| ").append(p.level()).append(' ').append(p.levelName()).append(" | ")
          .append(String.join(", ", p.who())).append(" | ").append(p.page()).append(" | ").append(at(p.dueAtMillis()))
          .append(" | ").append(at(p.firedAtMillis())).append(" | `").append(p.dedupKey()).append("` |\n");
    }
    md.append("\n## Timeline\n\n");
    for (IncidentEvent e : v.timeline()) {
      md.append("- ").append(at(e.atMillis())).append(" **").append(e.kind()).append("**");
      if (e.level() != null) {
        md.append(" level ").append(e.level());
      }
      if (e.who() != null) {
        md.append(" (").append(e.who()).append(')');
      }
      md.append(": ").append(e.text()).append('\n');
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|").replace('\n', ' ')).append(" |\n");
  }

  private static String at(long millis) {
    return TIME.format(Instant.ofEpochMilli(millis));
  }

  private static String minutes(long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    return d.toMinutes() + "m" + (d.toSecondsPart() == 0 ? "" : " " + d.toSecondsPart() + "s");
  }
}
