package dev.runbook.worker.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A platform driven by command templates (kubectl, flyctl, a team's scripts): one argv array per
 * action with placeholders such as {@code {service}}, {@code {colour}}, {@code {version}}, {@code
 * {weight}}. Never a shell string: each element stays one argument whatever a value contains.
 * {@code describe} prints the service state as JSON (see activities/README.md). {@code
 * check-release} is optional: exit 0 when the platform has {@code {version}}, 1 when it does not.
 */
public record CommandPlatformProperties(
    List<String> describe,
    List<String> deploy,
    List<String> smokeTest,
    List<String> shiftTraffic,
    List<String> markLive,
    List<String> retire,
    @DefaultValue("5m") Duration timeout,
    Set<Integer> nonRetryableExitCodes,
    String workingDirectory,
    List<String> checkRelease) {}
