package dev.runbook.workflows.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronSpecTest {
  private static Instant next(String cron, String after) {
    return CronSpec.parse(cron).next(Instant.parse(after));
  }

  @Test
  void dailyWeeklyMonthlyAndStepsInUtc() {
    assertThat(next("0 6 * * *", "2026-12-08T06:00:00Z")).isEqualTo("2026-12-09T06:00:00Z");
    assertThat(next("0 6 * * *", "2026-12-08T05:59:59Z")).isEqualTo("2026-12-08T06:00:00Z");
    assertThat(next("0 7 * * 1", "2026-12-08T00:00:00Z")).as("Monday").isEqualTo("2026-12-14T07:00:00Z");
    assertThat(next("0 3 1 * *", "2026-12-08T00:00:00Z")).isEqualTo("2027-01-01T03:00:00Z");
    assertThat(next("*/10 * * * *", "2026-12-08T10:05:00Z")).isEqualTo("2026-12-08T10:10:00Z");
    assertThat(next("0 0 29 2 *", "2026-12-08T00:00:00Z")).isEqualTo("2028-02-29T00:00:00Z");
    assertThat(next("0 9 * * 0", "2026-12-08T00:00:00Z")).isEqualTo(next("0 9 * * 7", "2026-12-08T00:00:00Z"));
    assertThat(next("30 8 1,15 * 5", "2026-12-08T00:00:00Z")).as("day of month or Friday")
        .isEqualTo("2026-12-11T08:30:00Z");
  }

  @Test
  void badExpressionsNameWhatIsWrong() {
    assertThatThrownBy(() -> CronSpec.parse("0 6 * *")).hasMessageContaining("needs five fields");
    assertThatThrownBy(() -> CronSpec.parse("61 6 * * *")).hasMessage("minute 61 is outside 0-59");
    assertThatThrownBy(() -> CronSpec.parse("0 6 * * mon")).hasMessageContaining("day of week 'mon' is not a number");
  }
}
