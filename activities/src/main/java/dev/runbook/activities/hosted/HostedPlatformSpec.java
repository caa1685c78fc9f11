package dev.runbook.activities.hosted;

import java.time.Duration;

/** One configured platform of an environment, in deploy order: name, failover role, health timeout, adapter. */
public record HostedPlatformSpec(String name, String role, Duration healthTimeout, PlatformAdapter adapter) {}
