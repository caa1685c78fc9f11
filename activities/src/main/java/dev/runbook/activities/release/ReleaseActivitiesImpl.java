package dev.runbook.activities.release;

import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.workflows.contract.DeploymentLog;
import dev.runbook.workflows.contract.HttpCheck;
import dev.runbook.workflows.contract.PhaseCheck;
import dev.runbook.workflows.contract.PhaseReport;
import dev.runbook.workflows.contract.PlatformActivities;
import dev.runbook.workflows.contract.Preparation;
import dev.runbook.workflows.contract.ReleaseActivities;
import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ReleasePolicy;
import dev.runbook.workflows.contract.ReleaseStep;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import dev.runbook.workflows.contract.VerifyRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.File;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The release phases against the real environment: its platform (through the platform
 * activities, so the sandbox and command templates alike), its database, its public address and
 * its metric source. See {@link ReleaseActivities} for the contract of each method.
 */
public class ReleaseActivitiesImpl implements ReleaseActivities {
  /** Below this much free disk beside the worker, a release does not start (logs, snapshots). */
  static final long MIN_FREE_BYTES = 100L * 1024 * 1024;

  private final Map<String, ReleaseEnvironment> environments;
  private final PlatformActivities platforms;
  private final Function<String, MetricSource> metrics;
  private final DataSource database;
  private final ReleaseLogStore logs;
  private final VerificationChecks checks;

  public ReleaseActivitiesImpl(Map<String, ReleaseEnvironment> environments, PlatformActivities platforms,
      Function<String, MetricSource> metrics, DataSource database, HttpClient http) {
    this.environments = new TreeMap<>(environments);
    this.platforms = platforms;
    this.metrics = metrics;
    this.database = database;
    this.logs = new ReleaseLogStore(database);
    this.checks = new VerificationChecks(http);
  }

  @Override
  public ReleasePolicy resolveReleasePolicy(String service, String environment) {
    return environment(service, environment).policy();
  }

  @Override
  public Preparation prepareRelease(ReleaseStep step) {
    ReleaseEnvironment env = environment(step.service(), step.environment());
    ReleaseCheck artefact = platforms.checkRelease(env.platform(), step.service(), step.environment(), step.version());
    if (artefact.missing()) {
      throw ApplicationFailure.newNonRetryableFailure(step.service() + " in " + step.environment() + " has no release "
          + step.version() + (artefact.detail() == null ? "" : " (" + artefact.detail() + ")"), "UnknownVersion");
    }
    ServiceState state = platforms.describeService(env.platform(), step.service(), step.environment());
    SlotState live = state.liveColour() == null ? null : state.slot(state.liveColour()).orElse(null);
    boolean serving = live != null && live.role() == SlotRole.LIVE;
    String found = artefact.availability() == ReleaseCheck.Availability.AVAILABLE ? step.version() + " on "
        + env.platform() : "the platform cannot tell whether it has " + step.version() + "; the deploy decides";
    return new Preparation(found, serving ? live.version() : null, serving ? live.colour() : null, null);
  }

  @Override
  public PhaseReport checkPreDeployment(ReleaseStep step) {
    ReleaseEnvironment env = environment(step.service(), step.environment());
    List<PhaseCheck> report = new ArrayList<>();
    report.add(databaseCheck());
    report.add(slotCheck(env, step));
    long free = new File(".").getAbsoluteFile().getUsableSpace();
    report.add(new PhaseCheck("disk", free >= MIN_FREE_BYTES, free / (1024 * 1024) + " MB free beside the worker"
        + (free >= MIN_FREE_BYTES ? "" : " (at least " + MIN_FREE_BYTES / (1024 * 1024) + " MB needed)")));
    return new PhaseReport(report);
  }

  private PhaseCheck databaseCheck() {
    long started = System.nanoTime();
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      return new PhaseCheck("database", true, "round trip in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    } catch (SQLException e) {
      return new PhaseCheck("database", false, "unreachable: " + e.getMessage());
    }
  }

  private PhaseCheck slotCheck(ReleaseEnvironment env, ReleaseStep step) {
    ServiceState state = platforms.describeService(env.platform(), step.service(), step.environment());
    boolean room = state.slots().stream().anyMatch(s -> !s.colour().equals(state.liveColour())
        || step.version().equals(s.version()));
    List<String> slots = state.slots().stream().map(s -> s.colour() + " " + s.role().name().toLowerCase()
        + (s.version() == null ? "" : " " + s.version())).toList();
    return new PhaseCheck("resources", room, String.join(", ", slots) + (room ? "" : ": no slot to deploy to"));
  }

  @Override
  public PhaseReport verifyRelease(VerifyRequest request) {
    ReleaseStep step = request.step();
    ReleaseEnvironment env = environment(step.service(), step.environment());
    List<PhaseCheck> report = new ArrayList<>();
    for (HttpCheck check : request.checks()) {
      report.add(env.publicUrl() == null
          ? new PhaseCheck(check.name(), false, "no public-url configured for " + step.environment())
          : checks.http(env.publicUrl(), check, step.service()));
    }
    ServiceState state = platforms.describeService(env.platform(), step.service(), step.environment());
    String colour = state.liveColour();
    if (colour == null || !step.version().equals(state.liveVersion())) {
      report.add(new PhaseCheck("live release", false, step.version() + " is not live: " + state.liveVersion()
          + " on " + colour));
      return new PhaseReport(report);
    }
    MetricSource source = metrics.apply(step.environment());
    report.add(checks.errorLog(source, step.service(), step.environment(), colour, step.version(),
        request.maxErrorRatePercent()));
    report.add(checks.performance(source, step.service(), step.environment(), colour, step.version(),
        request.maxP95Millis()));
    return new PhaseReport(report);
  }

  @Override
  public String archiveDeploymentLog(DeploymentLog log) {
    try {
      return logs.archive(log);
    } catch (SQLException e) {
      // the registry being down is retryable: the log is archived once it is back
      throw ApplicationFailure.newFailure("cannot archive the deployment log: " + e.getMessage(), "RegistryUnavailable");
    }
  }

  private ReleaseEnvironment environment(String service, String name) {
    ReleaseEnvironment env = environments.get(name);
    if (env == null) {
      throw ApplicationFailure.newNonRetryableFailure("no release policy for environment '" + name
          + "'; environments with one: " + String.join(", ", environments.keySet()), "NoReleasePolicy");
    }
    if (!env.services().contains(service)) {
      throw ApplicationFailure.newNonRetryableFailure("unknown service '" + service + "' in " + name + "; known: "
          + String.join(", ", env.services()), "UnknownService");
    }
    return env;
  }
}
