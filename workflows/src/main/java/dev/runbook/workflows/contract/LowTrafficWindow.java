package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * An environment's daily low-traffic window in UTC, as configured ({@code "02:00"} to
 * {@code "04:00"}, the seed's default). A window whose end is before its start crosses midnight
 * ({@code 23:00-01:00}). {@code marginSeconds}: slack added to a work estimate before asking
 * whether it ends before the window closes (null: 10 minutes).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LowTrafficWindow(String opens, String closes, Long marginSeconds) {
  public static final LowTrafficWindow DEFAULT = new LowTrafficWindow("02:00", "04:00", 600L);
  private static final long DEFAULT_MARGIN_SECONDS = 600;

  /** Null when the window is usable, else what is wrong with it. */
  public String problem() {
    LocalTime open = time(opens);
    LocalTime close = time(closes);
    if (open == null || close == null) {
      return "low-traffic window needs opens and closes as HH:MM in UTC, e.g. 02:00 and 04:00 (got "
          + opens + " and " + closes + ")";
    }
    if (open.equals(close)) {
      return "low-traffic window opens and closes at the same time (" + opens + "): it would never be open";
    }
    if (marginSeconds != null && marginSeconds < 0) {
      return "low-traffic window margin must not be negative (got " + marginSeconds + " s)";
    }
    return null;
  }

  public LocalTime opensAt() {
    return LocalTime.parse(opens);
  }

  public LocalTime closesAt() {
    return LocalTime.parse(closes);
  }

  public long margin() {
    return marginSeconds == null ? DEFAULT_MARGIN_SECONDS : marginSeconds;
  }

  @Override
  public String toString() {
    return opens + "-" + closes + " UTC";
  }

  private static LocalTime time(String text) {
    if (text == null || !text.matches("\\d{2}:\\d{2}")) {
      return null;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
