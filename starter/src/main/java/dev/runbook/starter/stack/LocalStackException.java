package dev.runbook.starter.stack;

/** The local stack could not start (or a part of it died); the message says what to do. */
public class LocalStackException extends RuntimeException {
  public LocalStackException(String message) {
    super(message);
  }

  public LocalStackException(String message, Throwable cause) {
    super(message, cause);
  }
}
