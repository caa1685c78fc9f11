package dev.runbook.sandbox.instance;

import java.util.Map;

/**
 * What an instance reads from its service's config when it starts, as a real service reads its
 * ConfigMap: {@value #REQUEST_TIMEOUT} (requests that would take longer fail with 504, so a timeout
 * set too low shows up as errors in real traffic), and {@value #FEATURE_BROKEN} (a feature toggle
 * whose "on" makes every request fail with 500). A value the instance cannot parse makes it
 * unhealthy, as a service that fails its config validation at start-up would be.
 *
 * @param requestTimeoutMs null when not configured
 * @param problem why the instance cannot run this config, null when it can
 */
public record InstanceSettings(Integer requestTimeoutMs, boolean featureBroken, String problem) {
  public static final String REQUEST_TIMEOUT = "REQUEST_TIMEOUT_MS";
  public static final String FEATURE_BROKEN = "FEATURE_BROKEN_CHECKOUT";
  public static final InstanceSettings DEFAULTS = new InstanceSettings(null, false, null);

  public static InstanceSettings from(Map<String, String> config) {
    String timeout = config.get(REQUEST_TIMEOUT);
    Integer timeoutMs = null;
    String problem = null;
    if (timeout != null) {
      try {
        timeoutMs = Integer.parseInt(timeout.trim());
        if (timeoutMs < 1) {
          problem = REQUEST_TIMEOUT + " must be a positive number of milliseconds, got " + timeout;
        }
      } catch (NumberFormatException e) {
        problem = REQUEST_TIMEOUT + " is not a number: " + timeout;
      }
    }
    String broken = config.getOrDefault(FEATURE_BROKEN, "off").trim().toLowerCase();
    if (!broken.equals("on") && !broken.equals("off") && problem == null) {
      problem = FEATURE_BROKEN + " must be on or off, got " + config.get(FEATURE_BROKEN);
    }
    return new InstanceSettings(timeoutMs, broken.equals("on"), problem);
  }

  public boolean valid() {
    return problem == null;
  }
}
