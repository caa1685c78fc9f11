package dev.runbook.activities.platform;

import io.temporal.failure.ApplicationFailure;

/**
 * Failure types of the platform activities. Workflows and operators match on these names, so they
 * are constants rather than strings scattered through the providers.
 */
public final class PlatformFailures {
  public static final String UNKNOWN_PLATFORM = "UnknownPlatform";
  /** The platform does not run this service at all (same type as the policy's refusal). */
  public static final String UNKNOWN_SERVICE = "UnknownService";
  public static final String INVALID_ARGUMENT = "InvalidPlatformArgument";
  /** The platform refused the request as invalid (unknown version, unknown service): fix the input. */
  public static final String REJECTED = "PlatformRejected";
  /** The platform's state forbids the change (slot is live, carries traffic): a person must look. */
  public static final String CONFLICT = "PlatformConflict";
  /** The platform could not be reached or failed internally: retried. */
  public static final String UNAVAILABLE = "PlatformUnavailable";
  public static final String COMMAND_FAILED = "CommandFailed";
  public static final String COMMAND_TIMED_OUT = "CommandTimedOut";
  public static final String COMMAND_NOT_RUNNABLE = "CommandNotRunnable";
  public static final String BAD_DESCRIBE_OUTPUT = "BadDescribeOutput";

  private PlatformFailures() {}

  static ApplicationFailure nonRetryable(String type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type);
  }

  static ApplicationFailure retryable(String type, String message) {
    return ApplicationFailure.newFailure(message, type);
  }
}
