package dev.runbook.sandbox;

/** A command line the sandbox cannot run with; the message says which argument and why. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message);
  }
}
