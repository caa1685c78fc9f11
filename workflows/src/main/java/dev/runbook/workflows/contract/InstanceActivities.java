package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * A colour's instances and the service's config on the platform (a Deployment's pods, a ConfigMap
 * and a Secret): what a rolling deploy and a config update drive. Every change is idempotent by
 * its arguments, so a retry after a crash never acts twice.
 */
@ActivityInterface
public interface InstanceActivities {

  /** The instances of {@code colour} in index order. Read-only. */
  @ActivityMethod
  List<InstanceState> listInstances(String platform, String service, String environment, String colour);

  /**
   * Runs {@code version} on instance {@code index} of {@code colour} (a new instance starts, then
   * the old one stops). Idempotent by (service, colour, index, version): an instance that runs it
   * is left alone. Undone by the same call with the version it ran before.
   */
  @ActivityMethod
  void replaceInstance(String platform, String service, String environment, String colour, int index, String version);

  /**
   * Restarts instance {@code index} so it reads the current config. Idempotent: an instance that
   * started with the current config revision is left alone. Undone by restoring the config and
   * restarting again.
   */
  @ActivityMethod
  void restartInstance(String platform, String service, String environment, String colour, int index);

  /**
   * Asks each of {@code indices} for its health over HTTP, again and again until each has answered
   * 200 or {@code deadlineSeconds} passed; heartbeats while it waits. Never throws on an unhealthy
   * instance: that is the result. Changes nothing.
   */
  @ActivityMethod
  InstanceHealth checkInstances(String platform, String service, String environment, String colour,
      List<Integer> indices, long deadlineSeconds);

  /** The service's current config: revision, hash, key names. Read-only. */
  @ActivityMethod
  ConfigSnapshot readConfig(String platform, String service, String environment);

  /**
   * Applies {@code change}, resolving each secret reference on the worker (its value never enters
   * history or logs); an unresolvable reference fails non-retryably. Idempotent: the same change
   * again leaves the config as it is. Undone by {@link #restoreConfig} of the revision read before.
   */
  @ActivityMethod
  ConfigSnapshot applyConfig(String platform, String service, String environment, ConfigChange change);

  /** Puts revision {@code revision}'s content back; idempotent (already current: nothing changes). */
  @ActivityMethod
  ConfigSnapshot restoreConfig(String platform, String service, String environment, int revision);
}
