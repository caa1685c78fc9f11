package dev.runbook.activities.hosted;

import java.time.Duration;
import java.util.Set;

/**
 * A command-line platform's templates (argv arrays, never shell strings). {@code current} prints
 * the current release on stdout: either {@code {"releaseId":..,"version":..,"image":..}} or, as
 * {@code flyctl releases --json} does, an array of releases newest first with {@code Version},
 * {@code ImageRef} and {@code Status}. {@code deploy} deploys {@code {image}} (rendered from
 * {@code image}, e.g. {@code registry.fly.io/{service}:{version}}); {@code rollback} gets the
 * recorded release as {@code {image}}, {@code {version}} and {@code {releaseId}}. Health is an
 * HTTP GET of {@code healthUrl} (placeholders allowed), 2xx passing.
 *
 * @param nonRetryableExitCodes exit codes meaning "a retry cannot help" (bad flag, forbidden)
 */
public record PlatformCommands(
    ArgvTemplate current,
    ArgvTemplate deploy,
    ArgvTemplate rollback,
    String image,
    String app,
    String healthUrl,
    Duration timeout,
    Set<Integer> nonRetryableExitCodes) {

  public PlatformCommands {
    if (current == null || deploy == null || rollback == null) {
      throw new IllegalArgumentException("current, deploy and rollback templates are required");
    }
    if (image == null || !image.contains("{version}")) {
      throw new IllegalArgumentException("image must name the version, e.g. registry.fly.io/{service}:{version}");
    }
    if (healthUrl == null || !(healthUrl.startsWith("http://") || healthUrl.startsWith("https://"))) {
      throw new IllegalArgumentException("healthUrl must be an http(s) URL, was " + healthUrl);
    }
    timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
    nonRetryableExitCodes = nonRetryableExitCodes == null ? Set.of() : Set.copyOf(nonRetryableExitCodes);
  }

  /**
   * Fly.io (seed 002's primary): {@code flyctl releases --json} to record, {@code flyctl deploy
   * --image} to deploy, and a rollback that redeploys the recorded image (what {@code flyctl
   * releases rollback} does, but to the release this run recorded rather than "the previous one").
   */
  public static PlatformCommands flyctl(String app, String imageRepository) {
    return new PlatformCommands(
        ArgvTemplate.of("flyctl", "releases", "--app", "{app}", "--json"),
        ArgvTemplate.of("flyctl", "deploy", "--app", "{app}", "--image", "{image}", "--strategy", "rolling", "--yes"),
        ArgvTemplate.of("flyctl", "deploy", "--app", "{app}", "--image", "{image}", "--strategy", "immediate", "--yes"),
        imageRepository + ":{version}", app, "https://{app}.fly.dev/api/health", Duration.ofMinutes(10), Set.of());
  }

  /**
   * Railway (seed 002's secondary): {@code railway up} deploys, {@code railway redeploy} rolls back.
   * Railway's CLI prints no release list to record from and its redeploy re-runs the service's
   * latest deployment, so {@code current} is a script of yours (Railway's GraphQL API, printing the
   * {@code releaseId/version/image} shape) and the rollback redeploys after that script's companion
   * has pointed the service back at the recorded image.
   */
  public static PlatformCommands railway(String project, String imageRepository, String healthUrl) {
    return new PlatformCommands(
        ArgvTemplate.of("ops/railway-current.sh", "{app}", "{service}", "{environment}"),
        ArgvTemplate.of("railway", "up", "--service", "{service}", "--environment", "{environment}", "--detach", "--ci"),
        ArgvTemplate.of("railway", "redeploy", "--service", "{service}", "--environment", "{environment}", "--yes"),
        imageRepository + ":{version}", project, healthUrl, Duration.ofMinutes(10), Set.of());
  }
}
