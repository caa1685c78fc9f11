package dev.runbook.workflows.incident;

import dev.runbook.workflows.api.EscalationPage;
import dev.runbook.workflows.api.IncidentAck;
import dev.runbook.workflows.api.IncidentCommand;
import dev.runbook.workflows.api.IncidentEvent;
import dev.runbook.workflows.api.IncidentEvent.Kind;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentSeverity;
import dev.runbook.workflows.api.IncidentState;
import dev.runbook.workflows.api.IncidentView;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.kit.StatusTracker;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One incident's state and timeline, and the rules its handlers judge by: who may acknowledge,
 * resolve or file the report, and when. Handlers and the main flow share it; every change also
 * goes to the run's step log, so the generic status and the registry's report show it too.
 */
final class IncidentFile {
  private final String workflowId;
  private final IncidentRequest opening;
  private final IncidentSeverity severity;
  private final EscalationPolicy policy;
  private final long openedAt;
  private final StatusTracker status;
  private IncidentState state = IncidentState.OPEN;
  private final List<EscalationPage> pages = new ArrayList<>();
  private final Map<Integer, Integer> pagesPerLevel = new HashMap<>();
  private final List<String> actions = new ArrayList<>();
  private final List<IncidentEvent> timeline = new ArrayList<>();
  private IncidentAck firstAck;
  private IncidentAck ack;
  private int lastLevelPaged;
  private String resolvedBy;
  private Long resolvedAt;
  private String resolution;
  private Long reportDueAt;
  private String reportBy;
  private String rootCause;
  private int reopenings;

  IncidentFile(String workflowId, IncidentRequest opening, IncidentSeverity severity, EscalationPolicy policy,
      StatusTracker status) {
    this.workflowId = workflowId;
    this.opening = opening;
    this.severity = severity;
    this.policy = policy;
    this.status = status;
    this.openedAt = Workflow.currentTimeMillis();
    event(Kind.OPENED, null, opening.requestedBy(), severity.label() + " (" + severity.actions() + "): "
        + opening.summary() + (opening.source() == null ? "" : " [opened by " + opening.source() + "]"));
  }

  // ---- what handlers check (no side effects) ------------------------------------------------

  /** Why {@code c} may not acknowledge now; null when it may. */
  String ackRefusal(IncidentCommand c) {
    String common = commonRefusal(c, "acknowledge");
    if (common != null) {
      return common;
    }
    if (state == IncidentState.ACKNOWLEDGED) {
      return "incident " + workflowId + " is already acknowledged by " + ack.by() + " at level " + ack.level();
    }
    return null;
  }

  /** Why {@code c} may not resolve now; null when it may. */
  String resolveRefusal(IncidentCommand c) {
    String common = commonRefusal(c, "resolve");
    if (common == null && (c.text() == null || c.text().isBlank())) {
      return "resolve needs a summary (--summary TEXT): it goes into the post-incident report";
    }
    return common;
  }

  /** Why {@code c} may not file the post-incident report now; null when it may. */
  String reportRefusal(IncidentCommand c) {
    if (c == null || c.by() == null || c.by().isBlank()) {
      return "the report needs a name: {\"by\":\"alice\",\"text\":\"root cause\"}";
    }
    if (state != IncidentState.RESOLVED) {
      return "incident " + workflowId + " is " + state.name().toLowerCase() + ": a report is filed after resolve";
    }
    if (c.text() == null || c.text().isBlank()) {
      return "the report needs the root cause (--root-cause TEXT)";
    }
    return policy.isOnCall(c.by()) ? null : notOnPolicy(c.by());
  }

  /** Why a new page may not join this incident; null when it may. */
  String pageRefusal(IncidentRequest again) {
    if (state == IncidentState.CLOSED) {
      return "incident " + workflowId + " is closed";
    }
    if (again == null || again.summary() == null || again.summary().isBlank()) {
      return "a page needs a summary";
    }
    return null;
  }

  private String commonRefusal(IncidentCommand c, String action) {
    if (c == null || c.by() == null || c.by().isBlank()) {
      return action + " needs a name: {\"by\":\"alice\"} (--as NAME)";
    }
    if (!state.isOpen()) {
      return "incident " + workflowId + " is " + state.name().toLowerCase() + ": nothing to " + action;
    }
    return policy.isOnCall(c.by()) ? null : notOnPolicy(c.by());
  }

  private String notOnPolicy(String who) {
    return who + " is not on the escalation policy of " + opening.environment() + "; on it: "
        + String.join(", ", policy.everyone());
  }

  // ---- changes ----------------------------------------------------------------------------------

  EscalationPage paged(int level, long dueAt) {
    int page = pagesPerLevel.merge(level, 1, Integer::sum);
    var l = policy.levels().get(level - 1);
    EscalationPage p = new EscalationPage(level, l.name(), l.who(), page, dueAt, Workflow.currentTimeMillis(),
        "escalate:level-" + level + ":page-" + page);
    pages.add(p);
    lastLevelPaged = level;
    event(Kind.ESCALATED, level, String.join(", ", l.who()), l.name() + " paged (page " + page + ")");
    return p;
  }

  IncidentAck acknowledge(IncidentCommand c) {
    long now = Workflow.currentTimeMillis();
    long seconds = (now - openedAt) / 1000;
    ack = new IncidentAck(c.by(), Math.max(1, lastLevelPaged), now, seconds, severity.responseTargetSeconds(),
        seconds <= severity.responseTargetSeconds());
    if (firstAck == null) {
      firstAck = ack;
    }
    state = IncidentState.ACKNOWLEDGED;
    event(Kind.ACKNOWLEDGED, ack.level(), c.by(), "acknowledged after " + seconds + "s"
        + (firstAck == ack ? ": response target " + (ack.targetMet() ? "met" : "missed") : "")
        + (c.text() == null ? "" : "; " + c.text()));
    return ack;
  }

  void ackTimedOut() {
    event(Kind.ACK_TIMED_OUT, ack.level(), ack.by(), "not resolved within " + policy.ackTimeoutSeconds()
        + "s of the acknowledgement: escalation re-armed from level 1");
    ack = null;
    state = IncidentState.OPEN;
  }

  void exhausted() {
    event(Kind.ESCALATION_EXHAUSTED, lastLevelPaged, null, "every level paged " + (policy.repeats() + 1)
        + " time(s); waiting for an acknowledgement");
  }

  void resolve(IncidentCommand c) {
    resolvedBy = c.by();
    resolvedAt = Workflow.currentTimeMillis();
    resolution = c.text();
    reportDueAt = resolvedAt + policy.reportDueSeconds() * 1000; // so the resolve update answers with it
    state = IncidentState.RESOLVED;
    event(Kind.RESOLVED, null, c.by(), c.text());
  }

  void joined(IncidentRequest again) {
    if (state == IncidentState.RESOLVED) {
      reopenings++;
      state = IncidentState.OPEN;
      ack = null;
      reportDueAt = null;
      event(Kind.REOPENED, null, again.requestedBy(), "paged again while its report was due: " + again.summary());
    } else {
      event(Kind.JOINED, null, again.requestedBy(), again.summary()
          + (again.source() == null ? "" : " [from " + again.source() + "]"));
    }
  }

  void reportDue(long dueAt) {
    reportDueAt = dueAt;
  }

  void reportFiled(IncidentCommand c) {
    reportBy = c.by();
    rootCause = c.text();
    state = IncidentState.CLOSED;
    event(Kind.REPORT_FILED, null, c.by(), "root cause: " + c.text());
  }

  void close() {
    state = IncidentState.CLOSED;
  }

  void action(String what) {
    actions.add(what);
    event(Kind.ACTION, null, null, what);
  }

  void event(Kind kind, Integer level, String who, String text) {
    timeline.add(new IncidentEvent(Workflow.currentTimeMillis(), kind, level, who, text));
    status.log(kind.name().toLowerCase().replace('_', ' ') + (level == null ? "" : " level " + level)
        + (who == null ? "" : " (" + who + ")") + ": " + text);
  }

  // ---- reading ----------------------------------------------------------------------------------

  IncidentState state() {
    return state;
  }

  boolean acknowledgedOrResolved() {
    return state != IncidentState.OPEN;
  }

  boolean resolved() {
    return state == IncidentState.RESOLVED || state == IncidentState.CLOSED;
  }

  int reopenings() {
    return reopenings;
  }

  IncidentSeverity severity() {
    return severity;
  }

  EscalationPolicy policy() {
    return policy;
  }

  IncidentRequest opening() {
    return opening;
  }

  long resolvedAt() {
    return resolvedAt;
  }

  IncidentAck firstAck() {
    return firstAck;
  }

  IncidentView view() {
    return new IncidentView(workflowId, severity.number(), opening.service(), opening.environment(), opening.summary(),
        state, opening.requestedBy(), openedAt, severity.responseTargetSeconds(), policy, List.copyOf(pages), firstAck,
        ack, resolvedBy, resolvedAt, resolution, reportDueAt, reportBy, rootCause, List.copyOf(actions),
        List.copyOf(timeline));
  }
}
