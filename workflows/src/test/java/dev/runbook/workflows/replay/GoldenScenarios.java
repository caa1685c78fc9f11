package dev.runbook.workflows.replay;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.EMERGENCY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.LESSON_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.PROGRESS_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.ROLLBACK_ID;

import dev.runbook.workflows.api.IncidentCommand;
import dev.runbook.workflows.api.IncidentEvent;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentState;
import dev.runbook.workflows.api.IncidentView;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.incident.IncidentOpener;
import dev.runbook.workflows.incident.IncidentResponseWorkflow;
import dev.runbook.workflows.incident.IncidentResponseWorkflowImpl;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.lessonupdate.LessonChange;
import dev.runbook.workflows.lessonupdate.LessonUpdateWorkflowImpl;
import dev.runbook.workflows.progressmigration.ProgressMigrationWorkflowImpl;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import dev.runbook.workflows.progressmigration.ProgressCensus;
import dev.runbook.workflows.schemamigration.SchemaMigrationWorkflow;
import dev.runbook.workflows.schemamigration.SchemaMigrationWorkflowImpl;
import dev.runbook.workflows.api.MultiPlatformRequest;
import dev.runbook.workflows.multiplatform.MultiPlatformDeployWorkflow;
import dev.runbook.workflows.multiplatform.MultiPlatformDeployWorkflowImpl;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.Series;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Function;

/** The runs whose histories are kept under src/test/resources/histories, one per workflow type and ending. */
final class GoldenScenarios {
  /** A scenario: plays a run on a fresh environment and returns its workflow id. */
  record Scenario(String file, Class<?> implementation, Outcome outcome, Function<RunbookTestEnvironment, String> play,
      List<Class<?>> children) {

    Scenario(String file, Class<?> implementation, Outcome outcome, Function<RunbookTestEnvironment, String> play) {
      this(file, implementation, outcome, play, List.of());
    }

    /** The workflow types the recording's worker runs: the implementation and those it starts as children. */
    Class<?>[] types() {
      return java.util.stream.Stream.concat(java.util.stream.Stream.of(implementation), children.stream())
          .toArray(Class<?>[]::new);
    }
  }

  static final String INCIDENT_ID = Procedure.INCIDENT_RESPONSE.workflowId(RunbookTestEnvironment.SERVICE,
      RunbookTestEnvironment.ENV);

  static final String MULTI_ID = Procedure.MULTI_PLATFORM.workflowId(RunbookTestEnvironment.SERVICE,
      RunbookTestEnvironment.ENV);

  static final String SCHEMA_ID = Procedure.SCHEMA_MIGRATION.workflowId(SchemaMigrationRequest.DATABASE,
      RunbookTestEnvironment.ENV);

  static final String HEALTH_ID = Procedure.DAILY_HEALTH_CHECK.workflowId(Procedure.DAILY_HEALTH_CHECK_KEY, "all");

  static final List<Scenario> ALL = List.of(
      new Scenario("code-deploy-succeeded.json", dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl.class,
          Outcome.SUCCEEDED, rt -> {
            rt.startCodeDeploy("v1.6.0");
            rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
            rt.promote(DEPLOY_ID, "mallory"); // refused, kept in history as a signal
            rt.promote(DEPLOY_ID, "bob");
            rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");
            rt.promote(DEPLOY_ID, "alice");
            return DEPLOY_ID;
          }),
      new Scenario("code-deploy-rolled-back.json", dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl.class,
          Outcome.ROLLED_BACK, rt -> {
            rt.watch.scriptDuring("50%", "v1.6.0", MetricKind.ERROR_RATE_PERCENT, Series.stepUp(0.4, 30, 7.5));
            rt.startCodeDeploy("v1.6.0");
            rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
            rt.promote(DEPLOY_ID, "alice");
            return DEPLOY_ID;
          }),
      new Scenario("code-deploy-aborted.json", dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl.class,
          Outcome.ABORTED, rt -> {
            rt.startCodeDeploy("v1.6.0");
            rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
            rt.abort(DEPLOY_ID, "bob", "metrics look odd");
            return DEPLOY_ID;
          }),
      new Scenario("code-deploy-aborted-mid-step.json", dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl.class,
          Outcome.ABORTED, rt -> {
            dev.runbook.workflows.testing.FakePlatform.Hold smoke = rt.platform.hold("smokeTest");
            rt.startCodeDeploy("v1.6.0");
            smoke.awaitEntered();
            rt.abort(DEPLOY_ID, "bob", "wrong build"); // the smoke test in flight finishes, then the rollback
            smoke.release();
            return DEPLOY_ID;
          }),
      new Scenario("code-deploy-refused.json", dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl.class,
          Outcome.REFUSED, rt -> {
            rt.platform.unknownVersion("v1.9.9");
            rt.startCodeDeploy("v1.9.9");
            return DEPLOY_ID;
          }),
      new Scenario("emergency-deploy-succeeded.json", dev.runbook.workflows.emergency.EmergencyDeployWorkflowImpl.class,
          Outcome.SUCCEEDED, rt -> {
            rt.runControl.running(DEPLOY_ID, "ABORTED");
            rt.startEmergency("v1.5.1", "Fix XP calculation bug");
            return EMERGENCY_ID;
          }),
      new Scenario("rollback-succeeded.json", dev.runbook.workflows.rollback.RollbackWorkflowImpl.class,
          Outcome.SUCCEEDED, rt -> {
            rt.platform.reset("green", "v1.6.0", "blue", "v1.5.0");
            rt.startRollback(null, "High error rate on v1.6.0");
            return ROLLBACK_ID;
          }),
      new Scenario("lesson-update-major-succeeded.json", LessonUpdateWorkflowImpl.class, Outcome.SUCCEEDED, rt -> {
        rt.lessons.serving("1.1.0").candidate("2.0.0", LessonChange.MAJOR);
        rt.startLessonUpdate();
        rt.awaitApprovalOf(LESSON_ID, "Flag 10%");
        rt.promote(LESSON_ID, "bob");
        rt.awaitApprovalOf(LESSON_ID, "Flag 50%");
        rt.promote(LESSON_ID, "alice");
        return LESSON_ID;
      }),
      new Scenario("lesson-update-major-rolled-back.json", LessonUpdateWorkflowImpl.class, Outcome.ROLLED_BACK, rt -> {
        rt.lessons.serving("1.1.0").candidate("2.0.0", LessonChange.MAJOR);
        rt.watch.script("2.0.0", MetricKind.LESSON_ERROR_RATE_PERCENT, Series.stepUp(0.3, 6, 9.5));
        rt.startLessonUpdate();
        return LESSON_ID;
      }),
      new Scenario("lesson-update-patch-succeeded.json", LessonUpdateWorkflowImpl.class, Outcome.SUCCEEDED, rt -> {
        rt.lessons.serving("1.0.0").candidate("1.0.1", LessonChange.PATCH);
        rt.startLessonUpdate();
        return LESSON_ID;
      }),
      new Scenario("incident-response-resolved.json", IncidentResponseWorkflowImpl.class, Outcome.SUCCEEDED, rt -> {
        rt.runControl.running(DEPLOY_ID, "ABORTED");
        IncidentOpener opener = new IncidentOpener(rt.client, rt::options);
        opener.openOrJoin(incident(1, "error rate 12% on learning-api"));
        IncidentResponseWorkflow incident = rt.client.newWorkflowStub(IncidentResponseWorkflow.class, INCIDENT_ID);
        awaitIncident(incident, v -> v.pages().size() == 1);
        opener.openOrJoin(incident(2, "p95 3.1s on learning-api")); // joins, as the page update
        rt.sleep(Duration.ofMinutes(16));
        awaitIncident(incident, v -> v.pages().size() == 2);
        incident.acknowledgeSignal(new IncidentCommand("mallory", null)); // refused into the timeline
        incident.acknowledge(new IncidentCommand("frank", "on it"));
        incident.resolveSignal(new IncidentCommand("frank", "rolled back v1.6.0"));
        awaitIncident(incident, v -> v.state() == IncidentState.RESOLVED && v.reportDueAtMillis() != null);
        rt.sleep(Duration.ofHours(9));
        awaitIncident(incident, v -> v.timeline().stream().anyMatch(e -> e.kind() == IncidentEvent.Kind.REPORT_REMINDER));
        incident.fileReport(new IncidentCommand("dana", "connection pool exhausted by v1.6.0"));
        return INCIDENT_ID;
      }),
      // the pass's worker dies after batch 2 and the next attempt resumes from the heartbeat
      new Scenario("progress-migration-succeeded.json", ProgressMigrationWorkflowImpl.class, Outcome.SUCCEEDED, rt -> {
        rt.progress.dieOnceAfterBatch(2);
        rt.startProgressMigration(1000);
        return PROGRESS_ID;
      }),
      // fly and railway deployed, render unhealthy: render rolled back, railway's rollback refused →
      // escalated, fly left as it is
      new Scenario("multi-platform-rollback-failed.json", MultiPlatformDeployWorkflowImpl.class, Outcome.FAILED, rt -> {
        rt.hosted.unhealthy("render").rollbackFails("railway");
        MultiPlatformDeployWorkflow stub = rt.client.newWorkflowStub(MultiPlatformDeployWorkflow.class, rt.options(MULTI_ID));
        io.temporal.client.WorkflowClient.start(stub::deploy, new MultiPlatformRequest(RunbookTestEnvironment.SERVICE,
            RunbookTestEnvironment.ENV, "v2.1.0", null, "carol", "ci-9"));
        return MULTI_ID;
      }),
      // rolling strategy, batches of one: the second batch is 67% slower than the old instances →
      // its two replaced instances go back, newest first
      new Scenario("code-deploy-rolling-rolled-back.json", dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl.class,
          Outcome.ROLLED_BACK, rt -> {
            rt.policies.use(dev.runbook.workflows.testing.Policies.rolling(
                dev.runbook.workflows.testing.Policies.production(), 1, 0, 120));
            rt.watch.script("v1.6.0", MetricKind.LATENCY_P95_MS, Series.constant(600))
                .script("v1.5.0", MetricKind.LATENCY_P95_MS, Series.constant(600))
                .scriptDuring("Batch 2/4", "v1.6.0", MetricKind.LATENCY_P95_MS, Series.constant(1000));
            rt.startCodeDeploy("v1.6.0");
            return DEPLOY_ID;
          }),
      // a timeout the instances cannot parse: the first batch fails its health checks → the
      // recorded config is restored and every instance restarted on it
      new Scenario("config-update-rolled-back.json", dev.runbook.workflows.configupdate.ConfigUpdateWorkflowImpl.class,
          Outcome.ROLLED_BACK, rt -> {
            rt.policies.use(dev.runbook.workflows.testing.Policies.rolling(
                dev.runbook.workflows.testing.Policies.production(), 1, 1, 60));
            rt.instances.badKeys.add("REQUEST_TIMEOUT_MS");
            String id = Procedure.CONFIG_UPDATE.workflowId(RunbookTestEnvironment.SERVICE, RunbookTestEnvironment.ENV);
            var stub = rt.client.newWorkflowStub(dev.runbook.workflows.configupdate.ConfigUpdateWorkflow.class,
                rt.options(id));
            io.temporal.client.WorkflowClient.start(stub::update, new dev.runbook.workflows.api.ConfigUpdateRequest(
                RunbookTestEnvironment.SERVICE, RunbookTestEnvironment.ENV, java.util.Map.of("REQUEST_TIMEOUT_MS", "soon"),
                java.util.Map.of("DB_PASSWORD", "env:LEARNING_API_DB_PASSWORD"), null, "raise the timeout", "carol",
                "ops-9"));
            return id;
          }),
      // capture, snapshot, rehearsal, maintenance, migration, verification, go-live, the integrity watch
      new Scenario("schema-migration-succeeded.json", SchemaMigrationWorkflowImpl.class, Outcome.SUCCEEDED, rt -> {
        startSchemaMigration(rt);
        return SCHEMA_ID;
      }),
      // XP drops during the watch after go-live: maintenance on, restore, re-apply, incident, maintenance off
      new Scenario("schema-migration-restored.json", SchemaMigrationWorkflowImpl.class, Outcome.ROLLED_BACK, rt -> {
        ProgressCensus at = dev.runbook.workflows.testing.FakeProgressStore.AFTER;
        rt.progress.fromCount(3, new ProgressCensus(at.documents(), at.totalXp() - 40, at.completions(), 0));
        startSchemaMigration(rt);
        return SCHEMA_ID;
      }),
      // web's health endpoint fails and the database cannot be reached: a sev-2 incident, the run FAILED
      new Scenario("health-check-failed.json", dev.runbook.workflows.healthcheck.DailyHealthCheckWorkflowImpl.class,
          Outcome.FAILED, rt -> {
            rt.operations.failing("web on sandbox").unreachable("target database");
            var stub = rt.client.newWorkflowStub(dev.runbook.workflows.healthcheck.DailyHealthCheckWorkflow.class,
                rt.options(HEALTH_ID));
            io.temporal.client.WorkflowClient.start(stub::check, new dev.runbook.workflows.api.OperationRequest("all",
                "schedule", "2026-12-08T06:00:00Z"));
            return HEALTH_ID;
          }),
      // dev, then staging with its rollback test (a Rollback child and the code deploy again); the
      // children's own histories are theirs
      new Scenario("release-through-staging-succeeded.json", dev.runbook.workflows.release.ReleaseWorkflowImpl.class,
          Outcome.SUCCEEDED, rt -> new dev.runbook.workflows.testing.ReleaseRuns(rt).start("staging"),
          List.of(dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl.class,
              dev.runbook.workflows.rollback.RollbackWorkflowImpl.class)));

  private static void startSchemaMigration(RunbookTestEnvironment rt) {
    SchemaMigrationWorkflow stub = rt.client.newWorkflowStub(SchemaMigrationWorkflow.class, rt.options(SCHEMA_ID));
    io.temporal.client.WorkflowClient.start(stub::migrate, new SchemaMigrationRequest(RunbookTestEnvironment.ENV,
        "1.1", null, null, "Back in 10 minutes", true, "carol", "ops-8"));
  }

  private static IncidentRequest incident(int severity, String summary) {
    return new IncidentRequest(severity, RunbookTestEnvironment.SERVICE, RunbookTestEnvironment.ENV, summary, "carol",
        "pager-1", null, null);
  }

  private static void awaitIncident(IncidentResponseWorkflow incident, Predicate<IncidentView> condition) {
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < giveUpAt) {
      IncidentView v = incident.incident();
      if (v != null && condition.test(v)) {
        return;
      }
      RunbookTestEnvironment.sleepQuietly(10);
    }
    throw new AssertionError("incident never got there: " + incident.incident());
  }

  /**
   * Earlier releases' recordings of the same scenarios, one folder per release, oldest first: runs
   * those releases started must still replay. A scenario is replayed from each folder that has it.
   */
  static final List<String> EARLIER_RELEASES = List.of(
      "v0-before-single-flight-marker", // before the single-flight check went behind Workflow.getVersion
      "v1-before-target-lock",          // before target locks, typed refusals, release and input checks
      "v2-before-steps-finish-on-abort", // before an abort let the step in flight finish instead of cancelling it
      "v3-before-supplied-escalation-check"); // before an incident checked a supplied escalation policy

  /** The business-key id a golden history's run had, from its file name. */
  static String workflowIdOf(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    if (name.startsWith("code-deploy")) {
      return DEPLOY_ID;
    } else if (name.startsWith("emergency-deploy")) {
      return EMERGENCY_ID;
    } else if (name.startsWith("rollback")) {
      return ROLLBACK_ID;
    } else if (name.startsWith("lesson-update")) {
      return LESSON_ID;
    } else if (name.startsWith("incident-response")) {
      return INCIDENT_ID;
    } else if (name.startsWith("progress-migration")) {
      return PROGRESS_ID;
    } else if (name.startsWith("multi-platform")) {
      return MULTI_ID;
    } else if (name.startsWith("config-update")) {
      return Procedure.CONFIG_UPDATE.workflowId(RunbookTestEnvironment.SERVICE, RunbookTestEnvironment.ENV);
    } else if (name.startsWith("schema-migration")) {
      return SCHEMA_ID;
    } else if (name.startsWith("health-check")) {
      return HEALTH_ID;
    } else if (name.startsWith("release-through-staging")) {
      return dev.runbook.workflows.testing.ReleaseRuns.id("staging");
    }
    throw new IllegalArgumentException("no workflow id known for golden history " + file);
  }

  private GoldenScenarios() {}
}
