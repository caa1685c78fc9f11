package dev.runbook.starter.render;

/** ANSI styling that turns into plain text when colors are off (--no-color, not a TTY). */
public final class Ansi {
  public static final Ansi PLAIN = new Ansi(false);
  public static final Ansi COLOR = new Ansi(true);

  /** Home + clear screen: the redraw of `status --watch` on a terminal. */
  public static final String CLEAR_SCREEN = "\033[H\033[2J";

  private final boolean enabled;

  private Ansi(boolean enabled) {
    this.enabled = enabled;
  }

  public static Ansi of(boolean enabled) {
    return enabled ? COLOR : PLAIN;
  }

  public boolean enabled() {
    return enabled;
  }

  public String bold(String s) {
    return style("1", s);
  }

  public String dim(String s) {
    return style("2", s);
  }

  public String red(String s) {
    return style("31", s);
  }

  public String green(String s) {
    return style("32", s);
  }

  public String yellow(String s) {
    return style("33", s);
  }

  public String blue(String s) {
    return style("34", s);
  }

  public String cyan(String s) {
    return style("36", s);
  }

  /** A deployment colour's name drawn in that colour ("blue" in blue); other names in bold. */
  public String colour(String colourName, String text) {
    if (colourName == null) {
      return text;
    }
    return switch (colourName.toLowerCase()) {
      case "blue" -> blue(text);
      case "green" -> green(text);
      default -> bold(text);
    };
  }

  private String style(String code, String s) {
    return enabled && s != null && !s.isEmpty() ? "\033[" + code + "m" + s + "\033[0m" : s;
  }
}
