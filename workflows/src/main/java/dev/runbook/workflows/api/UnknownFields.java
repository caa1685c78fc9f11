package dev.runbook.workflows.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names the fields a payload record does not know, with a "did you mean" hint when a known field is
 * one typo away (a wrong case, a swapped, missing or extra letter). Pure code.
 */
public final class UnknownFields {
  /** Record components that hold decoding bookkeeping, never a JSON field of their own. */
  private static final Set<String> BOOKKEEPING = Set.of("unknownFields", "payloadProblem");

  private UnknownFields() {}

  /** A record's JSON field names: its components, minus the bookkeeping ones. */
  public static List<String> known(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(c -> c.getName())
        .filter(name -> !BOOKKEEPING.contains(name))
        .toList();
  }

  /** One message per unknown field, e.g. "unknown field 'requestedby': did you mean requestedBy?". */
  public static List<String> problems(String what, Map<String, ?> unknown, List<String> known) {
    List<String> problems = new ArrayList<>();
    for (String name : unknown.keySet()) {
      String closest = closest(name, known);
      problems.add(closest != null
          ? what + " has unknown field '" + name + "': did you mean " + closest + "?"
          : what + " has unknown field '" + name + "' (known: " + String.join(", ", known) + ")");
    }
    return problems;
  }

  /** The known name one typo away from {@code name}, or null when none is that close. */
  static String closest(String name, List<String> known) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      String target = candidate.toLowerCase(Locale.ROOT);
      int distance = distance(lower, target);
      // one typo for ordinary names, two for long ones: requester is not a typo of requestId
      int allowed = target.length() <= 10 ? 1 : 2;
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * An unmodifiable copy sorted by name (Jackson hands a creator's any-setter a hash map, so the
   * arrival order is already lost; sorted keeps messages and re-serialized JSON stable). Null
   * becomes empty; JSON null values are kept.
   */
  static Map<String, Object> copy(Map<String, ?> fields) {
    if (fields == null || fields.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new TreeMap<>(fields));
  }
}
