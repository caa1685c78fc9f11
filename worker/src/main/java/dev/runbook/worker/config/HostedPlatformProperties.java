package dev.runbook.worker.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One hosted platform of a multi-platform deploy.
 *
 * @param name the platform's name in requests ({@code --platforms fly,railway})
 * @param role its failover role (primary, secondary, tertiary): documentation in the status
 * @param adapter {@code sandbox} (the embedded default), {@code flyctl}, {@code railway} or {@code render}
 * @param healthTimeout how long its health check may take to pass
 * @param sandboxName the sandbox platform it stands for (sandbox adapter; default: name)
 * @param app the Fly app or Railway project (flyctl, railway)
 * @param image the image a version deploys as, e.g. {@code registry.fly.io/web:{version}} ({@code {service}} allowed)
 * @param healthUrl the health URL ({@code {service}}, {@code {app}} allowed; flyctl's default is the app's)
 * @param apiUrl Render's API (default https://api.render.com)
 * @param tokenEnv the environment variable holding Render's API key (default RENDER_API_KEY)
 * @param serviceIds Render's service id per runbook service
 * @param workingDirectory where CLI commands run (railway up uploads it)
 */
public record HostedPlatformProperties(
    String name,
    String role,
    String adapter,
    @DefaultValue("2m") Duration healthTimeout,
    String sandboxName,
    String app,
    String image,
    String healthUrl,
    String apiUrl,
    String tokenEnv,
    Map<String, String> serviceIds,
    Path workingDirectory) {}
