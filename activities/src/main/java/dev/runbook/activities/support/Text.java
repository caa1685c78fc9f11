package dev.runbook.activities.support;

/**
 * Bounds text copied from other systems (HTTP bodies, process output) into failure messages, which
 * end up in workflow history: a 2 MB stack trace there helps nobody and bloats every replay.
 */
public final class Text {
  public static final int DEFAULT_LIMIT = 2000;

  private Text() {}

  public static String truncate(String text, int limit) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    return t.length() <= limit ? t : t.substring(0, limit) + "... (" + (t.length() - limit) + " more chars)";
  }

  public static String truncate(String text) {
    return truncate(text, DEFAULT_LIMIT);
  }
}
