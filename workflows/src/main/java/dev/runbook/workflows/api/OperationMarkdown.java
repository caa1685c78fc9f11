package dev.runbook.workflows.api;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** An {@link OperationReport} as Markdown, for the CLI and notifications. */
public final class OperationMarkdown {
  private OperationMarkdown() {}

  public static String of(OperationReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(r.operation()).append(" of ").append(r.environment()).append(": ")
        .append(r.passed() ? "PASSED" : "FAILED").append("\n\n");
    md.append("- run: `").append(r.workflowId()).append("` (").append(r.runId()).append(")\n");
    md.append("- requested by: ").append(r.requestedBy()).append("\n");
    md.append("- started: ").append(Instant.ofEpochMilli(r.startedAtMillis())).append(", finished: ")
        .append(Instant.ofEpochMilli(r.finishedAtMillis())).append("\n");
    md.append("- ").append(r.checks().size() - r.failures().size()).append(" of ").append(r.checks().size())
        .append(" checks passed\n\n");
    md.append("| check | environment | target | result | detail | ms |\n|---|---|---|---|---|---|\n");
    for (CheckResult c : r.checks()) {
      md.append("| ").append(c.check()).append(" | ").append(c.environment()).append(" | ").append(cell(c.target()))
          .append(" | ").append(c.passed() ? "pass" : "**FAIL**").append(" | ").append(cell(c.detail())).append(" | ")
          .append(c.millis()).append(" |\n");
    }
    if (!r.measurements().isEmpty()) {
      md.append("\n## Measurements\n\n");
      for (Map.Entry<String, Long> m : new TreeMap<>(r.measurements()).entrySet()) {
        md.append("- ").append(m.getKey()).append(": ").append(m.getValue()).append("\n");
      }
    }
    if (!r.actions().isEmpty()) {
      md.append("\n## Actions\n\n");
      r.actions().forEach(a -> md.append("- ").append(a).append("\n"));
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
