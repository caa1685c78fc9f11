package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.contract.LowTrafficWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * When work may start in a daily UTC window: pure arithmetic on the instant it is given (workflow
 * time in a workflow), so it is deterministic and replays identically. Work starts only if its
 * estimate plus the window's margin ends before the window closes; otherwise it waits for the next
 * window, which is the next day's when today's is open but too far gone.
 */
public final class LowTrafficWindows {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private LowTrafficWindows() {}

  public static WindowDecision decide(Instant now, LowTrafficWindow window, Duration estimate) {
    String problem = window.problem();
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    Duration needed = estimate.plusSeconds(window.margin());
    Duration length = length(window);
    if (needed.compareTo(length) > 0) {
      return new WindowDecision(WindowDecision.Verdict.NEVER_FITS, null, "the estimate " + human(estimate)
          + " plus the margin " + Durations.human(window.margin()) + " is longer than the window " + window);
    }
    // the window that opened yesterday may still be open now when it crosses midnight
    LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
    for (int i = 0; i < 3; i++, day = day.plusDays(1)) {
      Instant opens = day.atTime(window.opensAt()).toInstant(ZoneOffset.UTC);
      Instant closes = opens.plus(length);
      if (now.isBefore(opens)) {
        return new WindowDecision(WindowDecision.Verdict.WAIT, opens, "waiting for the low-traffic window "
            + window + ": opens " + SHOWN.format(opens) + " (" + human(Duration.between(now, opens)) + " from now)");
      }
      if (now.isBefore(closes) && !now.plus(needed).isAfter(closes)) {
        return new WindowDecision(WindowDecision.Verdict.START_NOW, now, "inside the low-traffic window " + window
            + ": " + human(estimate) + " plus the margin ends before " + SHOWN.format(closes));
      }
    }
    throw new IllegalStateException("no window within three days of " + now); // unreachable: one opens daily
  }

  /** Open to close; across midnight when it closes before it opens. */
  static Duration length(LowTrafficWindow window) {
    Duration d = Duration.between(window.opensAt(), window.closesAt());
    return d.isNegative() ? d.plusDays(1) : d;
  }

  private static String human(Duration d) {
    return Durations.human(Math.max(0, (d.toMillis() + 999) / 1000));
  }
}
