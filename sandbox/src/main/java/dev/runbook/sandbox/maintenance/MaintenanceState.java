package dev.runbook.sandbox.maintenance;

/**
 * Whether the platform is in maintenance, what its users are told, since when, and how long a
 * client should wait before asking again ({@code Retry-After}). Off: message and since are null.
 */
public record MaintenanceState(boolean on, String message, Long sinceMillis, int retryAfterSeconds) {
  static final MaintenanceState OFF = new MaintenanceState(false, null, null, 0);
}
