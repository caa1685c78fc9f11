package dev.runbook.workflows.release;

import static dev.runbook.workflows.testing.ReleaseRuns.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.ChildRunView;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl;
import dev.runbook.workflows.lessonupdate.LessonUpdateWorkflowImpl;
import dev.runbook.workflows.rollback.RollbackWorkflowImpl;
import dev.runbook.workflows.testing.FakeReleases;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.ReleaseRuns;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Release: five phases per environment, deploys as child runs, production behind approvals. */
@RunbookTest({ReleaseWorkflowImpl.class, CodeDeployWorkflowImpl.class, RollbackWorkflowImpl.class,
    LessonUpdateWorkflowImpl.class})
class ReleaseWorkflowTest {
  private final RunbookTestEnvironment rt;
  private final ReleaseRuns runs;

  ReleaseWorkflowTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    this.runs = new ReleaseRuns(rt);
  }

  @Test
  void throughStagingRunsUnattendedAndStagingTestsItsRollback() {
    String id = runs.start("staging");

    RunbookResult result = rt.result(id);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).isEqualTo(VERSION + " released to dev, staging");
    assertThat(runs.dev.liveVersion()).isEqualTo(VERSION);
    assertThat(runs.staging.liveVersion()).isEqualTo(VERSION);
    assertThat(rt.platform.liveVersion()).as("production untouched").isEqualTo("v1.5.0");
    RunbookStatus status = rt.status(id);
    assertThat(status.children()).extracting(ChildRunView::workflowId).containsExactly(
        "deploy:learning-api:dev", "deploy:learning-api:staging", "rollback:learning-api:staging");
    assertThat(status.children()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.SUCCEEDED));
    assertThat(status.steps()).extracting(StepView::name).containsExactly("dev: preparation", "dev: pre-deployment",
        "dev: deployment (blue-green)", "dev: verification", "dev: post-deployment", "staging: preparation",
        "staging: pre-deployment", "staging: deployment (blue-green)", "staging: verification + rollback test",
        "staging: post-deployment");
    assertThat(status.steps().get(8).detail()).matches(
        "4 checks passed; rollback test: back to v1\\.5\\.0 in \\S+, v1\\.6\\.0 again in \\S+");
    assertThat(rt.releases.calls()).containsExactly("policy dev", "policy staging", "prepare dev", "pre-deployment dev",
        "verify dev", "archive dev", "prepare staging", "pre-deployment staging", "verify staging", "archive staging");
    assertThat(rt.releases.archived(id, "staging").lines()).anyMatch(l -> l.startsWith("staging rollback test: back to v1.5.0"));
    assertThat(rt.searchAttribute(id, "RunbookReleasePhase")).isEqualTo("staging:done");
  }

  @Test
  void throughProductionWaitsForItsApproversThenForThePromotionsOfItsCodeDeploy() {
    String id = runs.start("production");
    // a client blocked on the result lets the test server skip dev's and staging's timers
    CompletableFuture<RunbookResult> ended = CompletableFuture.supplyAsync(() -> rt.result(id));

    rt.awaitApprovalOf(id, "production: approval");
    assertThat(rt.searchAttribute(id, "RunbookWaitingOn")).isEqualTo("alice,bob");
    rt.promote(id, RunbookTestEnvironment.REQUESTER);
    rt.awaitStatus(id, "self-approval refused", s -> s.approvals().stream().anyMatch(a -> !a.accepted()));
    rt.promote(id, "alice");
    String deploy = "deploy:learning-api:production";
    rt.awaitStatus(id, "child waits at 10%", s -> waits(s, deploy, "Canary 10%"));
    rt.awaitStatus(deploy, "the child itself waits at 10%", s -> s.waitingFor() != null
        && s.waitingFor().contains("Canary 10%"));
    assertThat(rt.searchAttribute(id, "RunbookWaitingOn")).isEqualTo(deploy);
    rt.promote(id, "bob");
    rt.awaitStatus(id, "child waits at 50%", s -> waits(s, deploy, "Canary 50%"));
    // the parent's view of its child can run ahead of the child: promote once the child itself waits
    rt.awaitStatus(deploy, "the child itself waits at 50%", s -> s.waitingFor() != null
        && s.waitingFor().contains("Canary 50%"));
    rt.promote(id, "alice");
    RunbookResult result = ended.join();

    assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).isEqualTo(VERSION + " released to dev, staging, production; monitored 1h");
    assertThat(rt.platform.liveVersion()).isEqualTo(VERSION);
    assertThat(rt.notifier.sent()).anySatisfy(n -> {
      assertThat(n.event()).isEqualTo("user-communication:production");
      assertThat(n.body()).isEqualTo("learning-api v1.6.0 is live: thanks for learning with us.");
      assertThat(n.details()).containsEntry("audience", "users");
    });
    assertThat(rt.watch.requests()).anySatisfy(w -> {
      assertThat(w.stepLabel()).isEqualTo("production extended monitoring");
      assertThat(w.windowSeconds()).isEqualTo(3600);
    });
    assertThat(rt.releases.archived(id, "production").summary()).contains(VERSION);
  }

  @Test
  void aProductionFailureRollsBackProductionOnlyAndTheParentRecordsIt() {
    rt.policies.use(Policies.autoGates(Policies.production()));
    rt.releases.use(noApproval(FakeReleases.production())).failVerificationIn("production");
    // the release's own staging deploy is what lets its production deploy past the staging-first rule
    rt.stagingFirst.require("production", "staging");
    String id = runs.start("production");

    RunbookResult result = rt.result(id);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).isEqualTo("production verification failed: FAILED error log: 37 errors in the last minute");
    assertThat(rt.platform.liveVersion()).as("production back").isEqualTo("v1.5.0");
    assertThat(runs.staging.liveVersion()).as("staging keeps it").isEqualTo(VERSION);
    assertThat(runs.dev.liveVersion()).as("dev keeps it").isEqualTo(VERSION);
    assertThat(rt.status(id).log()).extracting(LogEntry::message).containsSubsequence(
        "child deploy:learning-api:production ended SUCCEEDED", "started child run rollback:learning-api:production",
        "undone: child deploy:learning-api:production",
        "staging keeps " + VERSION + " (its policy does not roll back with a later environment)",
        "dev keeps " + VERSION + " (its policy does not roll back with a later environment)");
    assertThat(rt.result("rollback:learning-api:production").outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  private static boolean waits(RunbookStatus s, String child, String step) {
    return s.children() != null && s.children().stream().anyMatch(c -> c.workflowId().equals(child)
        && c.waitingFor() != null && c.waitingFor().contains(step));
  }

  private static dev.runbook.workflows.contract.ReleasePolicy noApproval(dev.runbook.workflows.contract.ReleasePolicy p) {
    return new dev.runbook.workflows.contract.ReleasePolicy(p.environment(), p.strategy(), false, p.maintenance(),
        p.rollbackTest(), p.userMessage(), p.checks(), p.maxErrorRatePercent(), p.maxP95Millis(),
        p.extendedMonitoringSeconds(), p.rollBackOnLaterFailure());
  }
}
