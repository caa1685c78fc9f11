package dev.runbook.sandbox.platform;

import java.util.List;
import java.util.Map;

/**
 * A service's config as the admin API shows it: plain values, and the names of the secrets only
 * (a secret's value never leaves the sandbox). {@code hash} covers values and secrets, so a caller
 * can tell two configs apart without seeing a secret.
 *
 * @param revision 1 is the config the service started with; every effective change adds one
 */
public record ConfigView(String service, int revision, String hash, Map<String, String> values,
    List<String> secrets) {}
