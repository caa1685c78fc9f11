package dev.runbook.starter.render;

import dev.runbook.starter.registry.RunRow;
import dev.runbook.workflows.api.Procedure;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The `runbook list` table. Pure. */
public final class RunsTable {
  private static final String[] HEADER = {
    "WORKFLOW ID", "PROCEDURE", "VERSION", "REQUESTED BY", "STARTED", "FINISHED", "OUTCOME"
  };

  private final Ansi ansi;
  private final DateTimeFormatter format;

  public RunsTable(Ansi ansi, ZoneId zone) {
    this.ansi = ansi;
    this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
  }

  public String render(List<RunRow> rows) {
    if (rows.isEmpty()) {
      return "no runs yet\n";
    }
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    for (RunRow r : rows) {
      cells.add(
          new String[] {
            dash(r.workflowId()),
            dash(procedure(r.procedure())),
            dash(r.version()),
            dash(r.requestedBy()),
            time(r.startedAt()),
            time(r.finishedAt()),
            r.outcome() == null ? "RUNNING" : r.outcome()
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : cells) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder line = new StringBuilder();
      String[] row = cells.get(r);
      for (int c = 0; c < row.length; c++) {
        String cell = c == row.length - 1 ? row[c] : row[c] + " ".repeat(widths[c] - row[c].length() + 2);
        line.append(r == 0 ? ansi.dim(cell) : c == row.length - 1 ? outcome(cell) : cell);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private String outcome(String outcome) {
    return switch (outcome) {
      case "SUCCEEDED" -> ansi.green(outcome);
      case "FAILED", "REFUSED", "LOST" -> ansi.red(outcome);
      case "ROLLED_BACK", "ABORTED" -> ansi.yellow(outcome);
      default -> ansi.cyan(outcome);
    };
  }

  private static String procedure(String p) {
    if (p == null) {
      return null;
    }
    return Procedure.fromWorkflowType(p).map(Procedure::cliName).orElse(p);
  }

  /** Epoch millis or ISO-8601 (with offset or instant) → local "yyyy-MM-dd HH:mm:ss". */
  String time(String value) {
    if (value == null || value.isBlank()) {
      return "-";
    }
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return format.format(Instant.ofEpochMilli(Long.parseLong(value)));
      }
      if (value.matches("\\d+\\.\\d+")) { // Jackson's numeric Instant: epoch seconds with nanos
        return format.format(Instant.ofEpochMilli((long) (Double.parseDouble(value) * 1000)));
      }
      return format.format(OffsetDateTime.parse(value).toInstant());
    } catch (RuntimeException e) {
      return value;
    }
  }

  private static String dash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
