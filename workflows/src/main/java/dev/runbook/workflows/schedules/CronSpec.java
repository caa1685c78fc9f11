package dev.runbook.workflows.schedules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week) read in UTC, the form
 * Temporal Schedules take in {@code cronExpressions}: numbers, {@code *}, lists, ranges and
 * {@code /} steps; day-of-week 0-7 with 0 and 7 Sunday. When both day fields are restricted, a day
 * matching either fires (cron's rule). Pure and deterministic, so a workflow may compute with it.
 */
public final class CronSpec {
  private final String expression;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean anyDay;
  private final boolean anyWeekday;

  private CronSpec(String expression, String[] f) {
    this.expression = expression;
    minutes = field(f[0], 0, 59, "minute");
    hours = field(f[1], 0, 23, "hour");
    days = field(f[2], 1, 31, "day of month");
    months = field(f[3], 1, 12, "month");
    BitSet dow = field(f[4], 0, 7, "day of week");
    if (dow.get(7)) {
      dow.set(0);
    }
    weekdays = dow;
    anyDay = f[2].equals("*");
    anyWeekday = f[4].equals("*");
  }

  /** @throws IllegalArgumentException naming the field that is wrong */
  public static CronSpec parse(String expression) {
    String[] f = expression == null ? new String[0] : expression.trim().split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("cron '" + expression + "' needs five fields: minute hour day-of-month month"
          + " day-of-week (UTC), e.g. '0 6 * * *'");
    }
    return new CronSpec(expression.trim(), f);
  }

  public String expression() {
    return expression;
  }

  /** The first instant strictly after {@code after} that matches, at a whole minute. */
  public Instant next(Instant after) {
    ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime giveUp = t.plusYears(5);
    while (t.isBefore(giveUp)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.withHour(0).withMinute(0).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.withMinute(0).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return t.toInstant();
      }
    }
    throw new IllegalArgumentException("cron '" + expression + "' never fires");
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean day = days.get(t.getDayOfMonth());
    boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
    if (anyDay || anyWeekday) {
      return day && weekday;
    }
    return day || weekday;
  }

  private static BitSet field(String text, int min, int max, String name) {
    BitSet set = new BitSet(max + 1);
    for (String part : text.split(",")) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(part.substring(slash + 1), 1, max, name);
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        from = number(range.substring(0, range.indexOf('-')), min, max, name);
        to = number(range.substring(range.indexOf('-') + 1), min, max, name);
      } else {
        from = number(range, min, max, name);
        to = slash >= 0 ? max : from;
      }
      if (from > to) {
        throw new IllegalArgumentException(name + " range " + range + " runs backwards");
      }
      for (int i = from; i <= to; i += step) {
        set.set(i);
      }
    }
    return set;
  }

  private static int number(String text, int min, int max, String name) {
    try {
      int n = Integer.parseInt(text);
      if (n < min || n > max) {
        throw new IllegalArgumentException(name + " " + n + " is outside " + min + "-" + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + text + "' is not a number, *, a list, a range or a step");
    }
  }

  @Override
  public String toString() {
    return expression + " (UTC)";
  }
}
