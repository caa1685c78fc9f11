package dev.runbook.workflows.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.contract.LowTrafficWindow;
import dev.runbook.workflows.kit.WindowDecision.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LowTrafficWindowsTest {
  private static final LowTrafficWindow SEED = LowTrafficWindow.DEFAULT; // 02:00-04:00 UTC, 10 min margin
  private static final Duration TWENTY_MIN = Duration.ofMinutes(20);

  private static WindowDecision at(String instant, LowTrafficWindow w, Duration estimate) {
    return LowTrafficWindows.decide(Instant.parse(instant), w, estimate);
  }

  @Test
  void beforeTheWindowWaitsForItsOpening() {
    WindowDecision d = at("2026-12-07T22:25:00Z", SEED, TWENTY_MIN);
    assertThat(d.verdict()).isEqualTo(Verdict.WAIT);
    assertThat(d.startAt()).isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
    assertThat(d.reason()).isEqualTo("waiting for the low-traffic window 02:00-04:00 UTC: opens 2026-12-08 02:00 UTC"
        + " (3h35m from now)");
  }

  @Test
  void insideTheWindowWithRoomStartsNow() {
    WindowDecision d = at("2026-12-08T03:29:59Z", SEED, TWENTY_MIN);
    assertThat(d.verdict()).isEqualTo(Verdict.START_NOW);
    assertThat(d.startAt()).isEqualTo(Instant.parse("2026-12-08T03:29:59Z"));
    // exactly at the cutoff still fits: 03:30 + 20 min + 10 min = 04:00
    assertThat(at("2026-12-08T03:30:00Z", SEED, TWENTY_MIN).verdict()).isEqualTo(Verdict.START_NOW);
  }

  @Test
  void insideButTooLateToFitWaitsForTomorrowsWindow() {
    WindowDecision d = at("2026-12-08T03:30:01Z", SEED, TWENTY_MIN);
    assertThat(d.verdict()).isEqualTo(Verdict.WAIT);
    assertThat(d.startAt()).isEqualTo(Instant.parse("2026-12-09T02:00:00Z"));
  }

  @Test
  void afterTheWindowWaitsForTheNextDay() {
    assertThat(at("2026-12-08T04:00:00Z", SEED, TWENTY_MIN).startAt()).isEqualTo(Instant.parse("2026-12-09T02:00:00Z"));
  }

  @Test
  void aWindowAcrossMidnightIsOpenOnBothSides() {
    LowTrafficWindow night = new LowTrafficWindow("23:00", "01:00", 0L);
    assertThat(at("2026-12-08T00:30:00Z", night, TWENTY_MIN).verdict()).isEqualTo(Verdict.START_NOW);
    assertThat(at("2026-12-08T23:50:00Z", night, TWENTY_MIN).verdict()).isEqualTo(Verdict.START_NOW);
    assertThat(at("2026-12-08T00:50:00Z", night, TWENTY_MIN).startAt()).isEqualTo(Instant.parse("2026-12-08T23:00:00Z"));
  }

  @Test
  void workLongerThanTheWindowNeverFits() {
    WindowDecision d = at("2026-12-08T02:00:00Z", SEED, Duration.ofMinutes(111));
    assertThat(d.verdict()).isEqualTo(Verdict.NEVER_FITS);
    assertThat(d.reason()).isEqualTo("the estimate 1h51m plus the margin 10m is longer than the window 02:00-04:00 UTC");
  }

  @Test
  void aBadWindowIsRefusedWithWhatIsWrong() {
    assertThat(new LowTrafficWindow("2am", "04:00", null).problem()).contains("HH:MM in UTC");
    assertThat(new LowTrafficWindow("02:00", "02:00", null).problem()).contains("never be open");
    assertThat(new LowTrafficWindow("02:00", "04:00", -1L).problem()).contains("must not be negative");
    assertThatThrownBy(() -> at("2026-12-08T02:00:00Z", new LowTrafficWindow("25:00", "04:00", null), TWENTY_MIN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
