package dev.runbook.lessons.progress;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What must never change when progress is migrated or a lesson is updated or rolled back: the user,
 * their total XP and their completed lessons with the XP each earned (seed 000: "user progress and
 * XP are sacred").
 *
 * @param completions lesson id to XP earned
 */
public record ProgressFingerprint(String userId, long totalXp, SortedMap<String, Long> completions) {
  public ProgressFingerprint {
    completions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(completions));
  }

  /** From a progress document of any schema version (they all keep these fields in one place). */
  public static ProgressFingerprint of(Map<String, ?> document) {
    Object user = document.get("user_id");
    long totalXp = 0;
    if (document.get("gamification") instanceof Map<?, ?> g && g.get("total_xp") instanceof Number n) {
      totalXp = n.longValue();
    }
    TreeMap<String, Long> completions = new TreeMap<>();
    if (document.get("lesson_completions") instanceof Map<?, ?> done) {
      done.forEach((id, c) -> completions.put(String.valueOf(id),
          c instanceof Map<?, ?> m && m.get("xp_earned") instanceof Number n ? n.longValue() : 0L));
    }
    return new ProgressFingerprint(user == null ? null : String.valueOf(user), totalXp, completions);
  }

  @Override
  public String toString() {
    return "(" + userId + ", " + totalXp + " XP, " + completions + ")";
  }
}
