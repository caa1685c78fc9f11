package dev.runbook.starter;

/** What the process is attached to. */
public final class Terminal {
  private Terminal() {}

  /** True when stdin and stdout are a terminal (Java reports a console only then). */
  public static boolean isInteractive() {
    return System.console() != null;
  }
}
