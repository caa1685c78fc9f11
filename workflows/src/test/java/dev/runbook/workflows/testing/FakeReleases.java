package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.DeploymentLog;
import dev.runbook.workflows.contract.HttpCheck;
import dev.runbook.workflows.contract.PhaseCheck;
import dev.runbook.workflows.contract.PhaseReport;
import dev.runbook.workflows.contract.Preparation;
import dev.runbook.workflows.contract.ReleaseActivities;
import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ReleasePolicy;
import dev.runbook.workflows.contract.ReleaseStep;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import dev.runbook.workflows.contract.VerifyRequest;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Release phases over the {@link EnvironmentPlatforms}: preparation reads the environment's
 * platform (the artefact, the live release), verification passes unless a test made an
 * environment's checks fail, archived logs are kept by key. Policies per environment: seed 004's
 * guidelines ({@link #dev()}, {@link #staging()}, {@link #production()}), replaceable per test.
 */
public final class FakeReleases implements ReleaseActivities {
  public static final List<HttpCheck> CHECKS = List.of(new HttpCheck("lessons list", "/api/lessons", 200, null),
      new HttpCheck("critical flow: progress", "/api/progress", 200, null));

  private final EnvironmentPlatforms platforms;
  private final Map<String, ReleasePolicy> policies = new TreeMap<>();
  private final Set<String> failingVerification = ConcurrentHashMap.newKeySet();
  private final Map<String, DeploymentLog> archived = new ConcurrentHashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();

  FakeReleases(EnvironmentPlatforms platforms) {
    this.platforms = platforms;
    use(dev()).use(staging()).use(production());
  }

  public static ReleasePolicy dev() {
    return new ReleasePolicy("dev", ReleasePolicy.BLUE_GREEN, false, false, false, null, CHECKS, 5, 2000, 0, false);
  }

  public static ReleasePolicy staging() {
    return new ReleasePolicy("staging", ReleasePolicy.BLUE_GREEN, false, false, true, null, CHECKS, 5, 2000, 0, false);
  }

  public static ReleasePolicy production() {
    return new ReleasePolicy("production", ReleasePolicy.BLUE_GREEN, true, false, false,
        "{service} {version} is live: thanks for learning with us.", CHECKS, 5, 2000, 3600, false);
  }

  public synchronized FakeReleases use(ReleasePolicy policy) {
    policies.put(policy.environment(), policy);
    return this;
  }

  /** {@code environment} has no release policy. */
  public synchronized FakeReleases without(String environment) {
    policies.remove(environment);
    return this;
  }

  /** The verification of {@code environment} reports a failed error-log check. */
  public FakeReleases failVerificationIn(String environment) {
    failingVerification.add(environment);
    return this;
  }

  @Override
  public synchronized ReleasePolicy resolveReleasePolicy(String service, String environment) {
    calls.add("policy " + environment);
    ReleasePolicy policy = policies.get(environment);
    if (policy == null) {
      throw ApplicationFailure.newNonRetryableFailure("no release policy for environment '" + environment
          + "'; environments with one: " + String.join(", ", policies.keySet()), "NoReleasePolicy");
    }
    return policy;
  }

  @Override
  public Preparation prepareRelease(ReleaseStep step) {
    calls.add("prepare " + step.environment());
    FakePlatform platform = platforms.of(step.environment());
    ReleaseCheck check = platform.checkRelease("sandbox", step.service(), step.environment(), step.version());
    if (check.missing()) {
      throw ApplicationFailure.newNonRetryableFailure(step.service() + " in " + step.environment() + " has no release "
          + step.version(), "UnknownVersion");
    }
    String live = platform.liveColour();
    SlotState slot = live == null ? null : platform.slot(live);
    boolean serving = slot != null && slot.role() == SlotRole.LIVE;
    return new Preparation(step.version() + " available", serving ? slot.version() : null, serving ? live : null, null);
  }

  @Override
  public PhaseReport checkPreDeployment(ReleaseStep step) {
    calls.add("pre-deployment " + step.environment());
    return new PhaseReport(List.of(new PhaseCheck("database", true, "select 1 in 2 ms"),
        new PhaseCheck("resources", true, "platform answers; a slot is free")));
  }

  @Override
  public PhaseReport verifyRelease(VerifyRequest request) {
    String env = request.step().environment();
    calls.add("verify " + env);
    List<PhaseCheck> checks = new ArrayList<>();
    request.checks().forEach(c -> checks.add(new PhaseCheck(c.name(), true, "GET " + c.path() + " " + c.expectStatus())));
    boolean failing = failingVerification.contains(env);
    checks.add(new PhaseCheck("error log", !failing, failing ? "37 errors in the last minute" : "0 errors in the last minute"));
    checks.add(new PhaseCheck("performance", true, "p95 120 ms (ceiling " + (long) request.maxP95Millis() + " ms)"));
    return new PhaseReport(checks);
  }

  @Override
  public String archiveDeploymentLog(DeploymentLog log) {
    String key = log.workflowId() + "/" + log.environment();
    calls.add("archive " + log.environment());
    archived.put(key, log);
    return key;
  }

  public DeploymentLog archived(String workflowId, String environment) {
    return archived.get(workflowId + "/" + environment);
  }

  public List<String> calls() {
    return List.copyOf(calls);
  }
}
