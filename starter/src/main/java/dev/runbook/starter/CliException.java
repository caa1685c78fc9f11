package dev.runbook.starter;

/** A failure the user can act on: its message goes to stderr as is, its code is the exit code. */
public class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  public static CliException badInput(String message) {
    return new CliException(ExitCodes.BAD_INPUT, message);
  }
}
