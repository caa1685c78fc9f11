package dev.runbook.lessons.progress;

import java.util.List;

/** The learner's totals: XP, level, badges and daily streak. */
public record Gamification(long totalXp, int level, List<String> badges, int streakDays) {
  public Gamification {
    badges = List.copyOf(badges);
  }
}
