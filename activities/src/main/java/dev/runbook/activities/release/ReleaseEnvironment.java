package dev.runbook.activities.release;

import dev.runbook.workflows.contract.ReleasePolicy;
import java.net.URI;

/**
 * What the release activities know of one environment: its release policy, the platform and
 * services of its shared settings, and its public address (where the verification's HTTP checks
 * go: the sandbox's router locally, the load balancer in production).
 */
public record ReleaseEnvironment(ReleasePolicy policy, String platform, java.util.List<String> services, URI publicUrl) {}
