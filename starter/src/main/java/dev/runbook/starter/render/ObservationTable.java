package dev.runbook.starter.render;

import dev.runbook.workflows.api.RuleObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The "Observations" block: the last reading of each watch rule, value vs threshold, verdict. */
final class ObservationTable {
  private static final String[] HEADER = {"RULE", "VALUE", "THRESHOLD", "VERDICT", "DETAIL"};

  private final Ansi ansi;

  ObservationTable(Ansi ansi) {
    this.ansi = ansi;
  }

  /** Empty when there is nothing to show; else a blank line, the title and the table. */
  String render(List<RuleObservation> observations) {
    if (observations == null || observations.isEmpty()) {
      return "";
    }
    Map<String, RuleObservation> last = new LinkedHashMap<>();
    for (RuleObservation o : observations) {
      last.put(o.rule(), o);
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (RuleObservation o : last.values()) {
      rows.add(new String[] {
        String.valueOf(o.rule()),
        Numbers.format(o.value()),
        Numbers.format(o.threshold()),
        o.verdict() == null ? "-" : o.verdict().name(),
        o.detail() == null ? "" : o.detail()
      });
    }
    int[] widths = new int[HEADER.length - 1];
    for (String[] row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder("\n").append(ansi.bold("Observations")).append('\n');
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < widths.length; c++) {
        String cell = StatusRenderer.pad(row[c], widths[c]);
        if (r == 0) {
          cell = ansi.dim(cell);
        } else if (c == 3) {
          cell = verdict(row[3], cell);
        }
        line.append(cell).append("  ");
      }
      line.append(r == 0 ? ansi.dim(row[4]) : row[4]);
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private String verdict(String verdict, String padded) {
    return switch (verdict) {
      case "OK" -> ansi.green(padded);
      case "FIRING" -> ansi.red(padded);
      case "PENDING", "INCONCLUSIVE" -> ansi.yellow(padded);
      default -> padded;
    };
  }
}
