package dev.runbook.activities.platform;

import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SmokeResult;
import java.util.Map;

/**
 * One platform name served by a provider per environment, with a default for the others: the
 * embedded stack's sandbox, whose dev, staging and production environments each have a sandbox of
 * their own (separate admin APIs), while {@code local} keeps the main one.
 */
public final class PerEnvironmentPlatform implements PlatformProvider {
  private final PlatformProvider fallback;
  private final Map<String, PlatformProvider> byEnvironment;

  public PerEnvironmentPlatform(PlatformProvider fallback, Map<String, PlatformProvider> byEnvironment) {
    this.fallback = fallback;
    this.byEnvironment = Map.copyOf(byEnvironment);
  }

  private PlatformProvider of(String environment) {
    return byEnvironment.getOrDefault(environment, fallback);
  }

  @Override
  public ServiceState describe(String service, String environment) {
    return of(environment).describe(service, environment);
  }

  @Override
  public ReleaseCheck checkRelease(String service, String environment, String version) {
    return of(environment).checkRelease(service, environment, version);
  }

  @Override
  public void deploy(String service, String environment, String colour, String version) {
    of(environment).deploy(service, environment, colour, version);
  }

  @Override
  public SmokeResult smokeTest(String service, String environment, String colour) {
    return of(environment).smokeTest(service, environment, colour);
  }

  @Override
  public void shiftTraffic(String service, String environment, String colour, int weight) {
    of(environment).shiftTraffic(service, environment, colour, weight);
  }

  @Override
  public void markLive(String service, String environment, String colour) {
    of(environment).markLive(service, environment, colour);
  }

  @Override
  public void retire(String service, String environment, String colour) {
    of(environment).retire(service, environment, colour);
  }
}
