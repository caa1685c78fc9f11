package dev.runbook.activities.platform;

import dev.runbook.workflows.contract.PlatformActivities;
import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SmokeResult;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each platform activity to the provider named by the policy ({@code sandbox}, {@code
 * k8s-prod}, ...), after checking the arguments every provider relies on. A name nobody registered
 * is a configuration error, so it fails non-retryably and lists the registered names.
 */
public class PlatformActivitiesImpl implements PlatformActivities {
  private static final Logger log = LoggerFactory.getLogger(PlatformActivitiesImpl.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final Map<String, PlatformProvider> providers;

  public PlatformActivitiesImpl(Map<String, PlatformProvider> providers) {
    this.providers = Map.copyOf(providers);
  }

  @Override
  public ServiceState describeService(String platform, String service, String environment) {
    return provider(platform, service, environment).describe(service, environment);
  }

  @Override
  public ReleaseCheck checkRelease(String platform, String service, String environment, String version) {
    PlatformProvider p = provider(platform, service, environment);
    name("version", version);
    ReleaseCheck check = p.checkRelease(service, environment, version);
    log.info("release check of {} {} in {} on {}: {}", service, version, environment, platform, check.availability());
    return check;
  }

  @Override
  public void deployRelease(String platform, String service, String environment, String colour, String version) {
    PlatformProvider p = provider(platform, service, environment);
    name("colour", colour);
    name("version", version);
    log.info("deploy {} {} to {} in {} on {}", service, version, colour, environment, platform);
    p.deploy(service, environment, colour, version);
  }

  @Override
  public SmokeResult smokeTest(String platform, String service, String environment, String colour) {
    PlatformProvider p = provider(platform, service, environment);
    name("colour", colour);
    return p.smokeTest(service, environment, colour);
  }

  @Override
  public void shiftTraffic(String platform, String service, String environment, String colour, int weight) {
    PlatformProvider p = provider(platform, service, environment);
    name("colour", colour);
    if (weight < 0 || weight > 100) {
      throw PlatformFailures.nonRetryable(PlatformFailures.INVALID_ARGUMENT,
          "traffic weight must be 0..100, was " + weight);
    }
    log.info("shift {}% of {} in {} to {} on {}", weight, service, environment, colour, platform);
    p.shiftTraffic(service, environment, colour, weight);
  }

  @Override
  public void markLive(String platform, String service, String environment, String colour) {
    PlatformProvider p = provider(platform, service, environment);
    name("colour", colour);
    log.info("mark {} live for {} in {} on {}", colour, service, environment, platform);
    p.markLive(service, environment, colour);
  }

  @Override
  public void retireSlot(String platform, String service, String environment, String colour) {
    PlatformProvider p = provider(platform, service, environment);
    name("colour", colour);
    log.info("retire {} of {} in {} on {}", colour, service, environment, platform);
    p.retire(service, environment, colour);
  }

  private PlatformProvider provider(String platform, String service, String environment) {
    PlatformProvider p = platform == null ? null : providers.get(platform);
    if (p == null) {
      throw PlatformFailures.nonRetryable(PlatformFailures.UNKNOWN_PLATFORM,
          "unknown platform '" + platform + "'; registered: " + String.join(", ", new TreeMap<>(providers).keySet()));
    }
    name("service", service);
    name("environment", environment);
    return p;
  }

  /**
   * Names end up in URLs and command lines; a value like {@code ../x} or {@code --all} must never
   * get that far.
   */
  private static void name(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw PlatformFailures.nonRetryable(PlatformFailures.INVALID_ARGUMENT,
          what + " '" + value + "' is not a valid name (letters, digits, '.', '_', '-'; not starting with '-')");
    }
  }
}
