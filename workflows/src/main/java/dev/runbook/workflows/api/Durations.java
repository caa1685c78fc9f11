package dev.runbook.workflows.api;

/** Human-readable durations for step names and status lines ("30m", "1h", "2h30m", "45s"). */
public final class Durations {
  private Durations() {}

  public static String human(long seconds) {
    if (seconds <= 0) {
      return "0s";
    }
    long h = seconds / 3600;
    long m = (seconds % 3600) / 60;
    long s = seconds % 60;
    StringBuilder out = new StringBuilder();
    if (h > 0) {
      out.append(h).append('h');
    }
    if (m > 0) {
      out.append(m).append('m');
    }
    if (s > 0) {
      out.append(s).append('s');
    }
    return out.toString();
  }
}
