package dev.runbook.workflows.replay;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.EMERGENCY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.ROLLBACK_ID;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.kit.MetricKind;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.Series;
import java.util.List;
import java.util.function.Function;

/** The runs whose histories are kept under src/test/resources/histories, one per workflow type and ending. */
final class GoldenScenarios {
  /** A scenario: plays a run on a fresh environment and returns its workflow id. */
  record Scenario(String file, Class<?> implementation, Outcome outcome, Function<RunbookTestEnvironment, String> play) {}

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
          }));

  private GoldenScenarios() {}
}
