package dev.runbook.activities.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.metrics.SandboxMetricSource;
import dev.runbook.activities.platform.PlatformActivitiesImpl;
import dev.runbook.activities.platform.SandboxPlatformProvider;
import dev.runbook.activities.support.TestPostgres;
import dev.runbook.sandbox.Sandbox;
import dev.runbook.sandbox.SandboxOptions;
import dev.runbook.workflows.contract.DeploymentLog;
import dev.runbook.workflows.contract.HttpCheck;
import dev.runbook.workflows.contract.PhaseCheck;
import dev.runbook.workflows.contract.PhaseReport;
import dev.runbook.workflows.contract.Preparation;
import dev.runbook.workflows.contract.ReleasePolicy;
import dev.runbook.workflows.contract.ReleaseStep;
import dev.runbook.workflows.contract.VerifyRequest;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The release phases against a real sandbox (platform, front door, per-slot counters) and a real Postgres. */
class ReleaseActivitiesImplTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final List<HttpCheck> CHECKS = List.of(new HttpCheck("health", "/svc/{service}/health", 200, null),
      new HttpCheck("critical flow: lessons", "/svc/{service}/api/lessons", 200, "\"version\""));
  private static Sandbox sandbox;
  private static TestPostgres pg;
  private static ReleaseActivitiesImpl releases;

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.ephemeral());
    pg = TestPostgres.startMigrated();
    URI admin = URI.create(sandbox.adminUrl());
    ReleasePolicy policy = new ReleasePolicy("staging", ReleasePolicy.BLUE_GREEN, false, false, true, null, CHECKS, 5,
        2000, 0, false);
    releases = new ReleaseActivitiesImpl(
        Map.of("staging", new ReleaseEnvironment(policy, "sandbox", List.of("learning-api"), URI.create(sandbox.routerUrl()))),
        new PlatformActivitiesImpl(Map.of("sandbox", new SandboxPlatformProvider(admin, HTTP))),
        env -> new SandboxMetricSource(admin, HTTP, Clock.systemUTC()), pg.dataSource(), HTTP);
  }

  @AfterAll
  static void stop() throws Exception {
    sandbox.close();
    pg.close();
  }

  private static ReleaseStep step(String version) {
    return new ReleaseStep("release:learning-api:staging", "learning-api", "staging", version, null);
  }

  @Test
  void preparationFindsTheArtefactAndRecordsTheLiveRelease() {
    Preparation prep = releases.prepareRelease(step("v1.5.1"));

    assertThat(prep.artefact()).isEqualTo("v1.5.1 on sandbox");
    assertThat(prep.previousVersion()).isEqualTo("v1.5.0");
    assertThat(prep.previousColour()).isEqualTo("blue");
    assertThatThrownBy(() -> releases.prepareRelease(step("v9.9.9")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("UnknownVersion");
          assertThat(f.getOriginalMessage()).startsWith("learning-api in staging has no release v9.9.9 (");
        });
    assertThatThrownBy(() -> releases.resolveReleasePolicy("learning-api", "production"))
        .hasMessageContaining("no release policy for environment 'production'; environments with one: staging");
  }

  @Test
  void preDeploymentChecksTheDatabaseTheSlotsAndTheDisk() {
    PhaseReport report = releases.checkPreDeployment(step("v1.5.1"));

    assertThat(report.passed()).as(report.failures()).isTrue();
    assertThat(report.checks()).extracting(PhaseCheck::name).containsExactly("database", "resources", "disk");
    assertThat(report.checks().get(1).detail()).isEqualTo("blue live v1.5.0, green empty");
  }

  @Test
  void verificationChecksTheFrontDoorTheErrorLogAndPerformanceOfTheLiveRelease() throws Exception {
    Thread.sleep(1500); // the load generator's first requests reach the live slot's counters
    PhaseReport ok = releases.verifyRelease(new VerifyRequest(step("v1.5.0"), CHECKS, 5, 2000));
    assertThat(ok.passed()).as(ok.checks().toString()).isTrue();
    assertThat(ok.checks()).extracting(PhaseCheck::name)
        .containsExactly("health", "critical flow: lessons", "error log", "performance");

    PhaseReport strict = releases.verifyRelease(new VerifyRequest(step("v1.5.0"),
        List.of(new HttpCheck("teapot", "/svc/{service}/nope", 418, null)), 5, 1));
    assertThat(strict.passed()).isFalse();
    assertThat(strict.failures()).contains("FAILED teapot: GET /svc/learning-api/nope answered 200 (expected 418)",
        "FAILED performance: p95", "(ceiling 1 ms)");

    PhaseReport notLive = releases.verifyRelease(new VerifyRequest(step("v1.5.1"), List.of(), 5, 2000));
    assertThat(notLive.failures()).isEqualTo("FAILED live release: v1.5.1 is not live: v1.5.0 on blue");
  }

  @Test
  void theDeploymentLogIsArchivedOncePerRunAndEnvironment() throws Exception {
    DeploymentLog log = new DeploymentLog("release:learning-api:staging", "run-1", "learning-api", "v1.5.1", "staging",
        "alice", "v1.5.1 live on green", List.of("staging preparation: ...", "staging verification: 4 checks passed"));

    assertThat(releases.archiveDeploymentLog(log)).isEqualTo("release:learning-api:staging/staging");
    releases.archiveDeploymentLog(log);

    assertThat(new ReleaseLogStore(pg.dataSource()).logsOf("release:learning-api:staging")).containsExactly(log);
  }
}
