package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.PlatformActivities;
import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SmokeResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform activities of the test worker: one {@link FakePlatform} for every environment (the
 * tests of one environment's procedures), except those a test {@link #split}s off, which get a
 * platform of their own (a release through dev, staging and production changes three).
 */
public final class EnvironmentPlatforms implements PlatformActivities {
  private final FakePlatform shared;
  private final Map<String, FakePlatform> own = new ConcurrentHashMap<>();

  EnvironmentPlatforms(FakePlatform shared) {
    this.shared = shared;
  }

  /** From now on {@code environment} has a platform of its own (blue on v1.5.0); returns it. */
  public FakePlatform split(String environment) {
    return own.computeIfAbsent(environment, e -> new FakePlatform());
  }

  public FakePlatform of(String environment) {
    return own.getOrDefault(environment, shared);
  }

  @Override
  public ServiceState describeService(String platform, String service, String environment) {
    return of(environment).describeService(platform, service, environment);
  }

  @Override
  public ReleaseCheck checkRelease(String platform, String service, String environment, String version) {
    return of(environment).checkRelease(platform, service, environment, version);
  }

  @Override
  public void deployRelease(String platform, String service, String environment, String colour, String version) {
    of(environment).deployRelease(platform, service, environment, colour, version);
  }

  @Override
  public SmokeResult smokeTest(String platform, String service, String environment, String colour) {
    return of(environment).smokeTest(platform, service, environment, colour);
  }

  @Override
  public void shiftTraffic(String platform, String service, String environment, String colour, int weight) {
    of(environment).shiftTraffic(platform, service, environment, colour, weight);
  }

  @Override
  public void markLive(String platform, String service, String environment, String colour) {
    of(environment).markLive(platform, service, environment, colour);
  }

  @Override
  public void retireSlot(String platform, String service, String environment, String colour) {
    of(environment).retireSlot(platform, service, environment, colour);
  }
}
