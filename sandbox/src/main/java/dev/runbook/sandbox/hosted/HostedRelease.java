package dev.runbook.sandbox.hosted;

/**
 * One release of a service on a hosted platform, as Fly's {@code releases} or Render's deploys list
 * it: an id the platform gave it, the version and image it runs, and for a rollback the release it
 * went back to.
 */
public record HostedRelease(String id, String version, String image, long createdAtMillis, String rollbackOf) {}
