package dev.runbook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.progress.ProgressFingerprint;
import java.util.Map;

/**
 * "Progress and XP are never lost": every learner known before is still there, with every
 * completion and the XP it earned unchanged; the only difference allowed is lessons completed
 * meanwhile (the learners kept learning during the runs), and the total moved by exactly their XP.
 */
final class ProgressCheck {
  private ProgressCheck() {}

  static void assertNothingLost(Map<String, ProgressFingerprint> before, Map<String, ProgressFingerprint> after) {
    assertThat(before).as("learners before the runs").isNotEmpty();
    assertThat(before.values()).as("completions before the runs").anyMatch(f -> !f.completions().isEmpty());
    int unchanged = 0;
    for (Map.Entry<String, ProgressFingerprint> e : before.entrySet()) {
      ProgressFingerprint was = e.getValue();
      ProgressFingerprint now = after.get(e.getKey());
      assertThat(now).as("learner %s still has progress", e.getKey()).isNotNull();
      assertThat(now.completions()).as("completions of %s", e.getKey()).containsAllEntriesOf(was.completions());
      long gained = now.completions().entrySet().stream()
          .filter(c -> !was.completions().containsKey(c.getKey())).mapToLong(Map.Entry::getValue).sum();
      assertThat(now.totalXp()).as("total XP of %s: %s before, %s after", e.getKey(), was, now)
          .isEqualTo(was.totalXp() + gained);
      if (now.equals(was)) {
        unchanged++;
      }
    }
    assertThat(unchanged).as("learners whose fingerprint is identical").isPositive();
  }
}
