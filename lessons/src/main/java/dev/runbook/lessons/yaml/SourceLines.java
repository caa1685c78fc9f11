package dev.runbook.lessons.yaml;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a lesson was written: the 1-based line of a path such as {@code version},
 * {@code changelog[1].date} or {@code quiz[0].correct_answer} (for a mapping entry, the line of its
 * key; for a list item, the line it starts on). Lets checks on the mapped records point at the
 * offending line without carrying positions in the records.
 */
public final class SourceLines {
  private final Map<String, Integer> lines = new HashMap<>();

  void put(String path, int line) {
    lines.putIfAbsent(path, line);
  }

  /** The line of {@code path}, or of its nearest recorded parent, or 1. */
  public int of(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return lines.getOrDefault("", 1);
  }
}
