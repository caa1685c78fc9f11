package dev.runbook.activities.notify;

import dev.runbook.workflows.contract.GateNotice;
import dev.runbook.workflows.contract.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook's JSON: a Slack incoming-webhook message ({@code text} for previews and clients
 * without blocks, {@code blocks} with the run, the gate and what to type to pass or stop it),
 * plus flat fields for any other receiver (severity, title, ..., {@code dedupKey}), which Slack
 * ignores. Text is Slack mrkdwn, so {@code & < >} are escaped; block texts are cut to Slack's
 * limits.
 */
final class SlackMessage {
  private static final int HEADER_LIMIT = 150;
  private static final int SECTION_LIMIT = 3000;

  private SlackMessage() {}

  static Map<String, Object> of(Notification n, DedupKeys.Origin origin, Instant at) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("text", escape("[" + n.severity() + "] " + n.title() + (n.body() == null ? "" : "\n" + n.body())));
    message.put("blocks", blocks(n, origin, at));
    message.put("severity", n.severity().name());
    message.put("title", n.title());
    message.put("body", n.body());
    message.put("service", n.service());
    message.put("environment", n.environment());
    message.put("workflowId", n.workflowId());
    message.put("runId", origin.runId());
    message.put("event", origin.event());
    message.put("dedupKey", origin.key());
    message.put("at", at.toString());
    if (n.gate() != null && n.workflowId() != null) {
      Map<String, Object> gate = new LinkedHashMap<>();
      gate.put("step", n.gate().step());
      gate.put("label", n.gate().label());
      gate.put("decision", n.gate().decision());
      gate.put("approvers", n.gate().approvers());
      gate.put("actions", GateActions.forRun(n.workflowId()).asJson());
      message.put("gate", gate);
    }
    if (n.details() != null) {
      message.put("details", n.details());
    }
    return message;
  }

  private static List<Map<String, Object>> blocks(Notification n, DedupKeys.Origin origin, Instant at) {
    List<Map<String, Object>> blocks = new ArrayList<>();
    blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(n.title(), HEADER_LIMIT))));
    if (n.body() != null && !n.body().isBlank()) {
      blocks.add(section(escape(n.body())));
    }
    List<Map<String, Object>> fields = new ArrayList<>();
    fields.add(field("Severity", n.severity().name()));
    if (n.workflowId() != null) {
      fields.add(field("Run", "`" + escape(n.workflowId()) + "`"));
    }
    if (n.service() != null) {
      fields.add(field("Service", escape(n.service())));
    }
    if (n.environment() != null) {
      fields.add(field("Environment", escape(n.environment())));
    }
    if (n.details() != null) {
      n.details().forEach((name, value) -> fields.add(field(name, escape(value))));
    }
    // Slack takes at most 10 fields in a section
    for (int from = 0; from < fields.size(); from += 10) {
      blocks.add(Map.of("type", "section", "fields", fields.subList(from, Math.min(fields.size(), from + 10))));
    }
    if (n.gate() != null && n.workflowId() != null) {
      gate(n.gate(), GateActions.forRun(n.workflowId()), blocks);
    } else if (n.workflowId() != null) {
      blocks.add(section("Follow it with `runbook status " + escape(GateActions.shellWord(n.workflowId())) + "`"));
    }
    String context = "at " + at + (origin.key() == null ? "" : " · dedup key `" + escape(origin.key()) + "`");
    blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", context))));
    return blocks;
  }

  private static void gate(GateNotice gate, GateActions actions, List<Map<String, Object>> blocks) {
    blocks.add(section("*Waiting for:* " + escape(gate.decision()) + " of step " + gate.step()
        + (gate.label() == null ? "" : " (" + escape(gate.label()) + ")")
        + "\n*Who may decide:* " + escape(gate.approvers().isEmpty() ? "nobody is configured" : String.join(", ", gate.approvers()))));
    blocks.add(section("*With the CLI* (" + GateActions.NAME + ": your name)\n```" + escape(actions.promoteCommand())
        + "\n" + escape(actions.abortCommand()) + "```"));
    blocks.add(section("*In the Temporal UI* (Send a Signal): signal `promote` with input `"
        + escape(actions.promoteSignalInput()) + "`, or signal `abort` with input `"
        + escape(actions.abortSignalInput()) + "`"));
  }

  private static Map<String, Object> section(String mrkdwn) {
    return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", cut(mrkdwn, SECTION_LIMIT)));
  }

  private static Map<String, Object> field(String name, String mrkdwn) {
    return Map.of("type", "mrkdwn", "text", cut("*" + name + "*\n" + mrkdwn, 2000));
  }

  /** Slack's mrkdwn escaping: only these three characters are control characters. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
