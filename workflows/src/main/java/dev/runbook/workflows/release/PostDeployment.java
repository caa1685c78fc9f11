package dev.runbook.workflows.release;

import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.DeploymentLog;
import dev.runbook.workflows.contract.MaintenanceActivities;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.ReleasePolicy;
import dev.runbook.workflows.contract.Severity;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * Post-deployment of one environment (seed 004 phase 5): maintenance off, the user communication
 * (a notification whose content the policy specifies, addressed to users), and the deployment log
 * archived as a record the CLI prints. The extended monitoring that follows is the release's.
 */
final class PostDeployment {
  private final ReleaseKit kit;
  private final String env;
  private final ReleasePolicy policy;
  private final int step;

  PostDeployment(ReleaseKit kit, String env, ReleasePolicy policy, int step) {
    this.kit = kit;
    this.env = env;
    this.policy = policy;
    this.step = step;
  }

  void run(RunbookResult deployed) {
    kit.phase(env, "post-deployment");
    kit.ctx.status().phase(Phase.WRITING_REPORT, env + " post-deployment: maintenance, communication, log");
    kit.ctx.status().stepRunning(step, "maintenance off, user communication, deployment log");
    StringBuilder done = new StringBuilder();
    if (policy.maintenance()) {
      kit.ctx.activities().step(MaintenanceActivities.class, "maintenance off in " + env).disableMaintenance(env);
      done.append("maintenance off; ");
    }
    String message = policy.userMessageFor(kit.service(), kit.version());
    if (message != null) {
      // addressed to users, not the team: its own event, so receivers route and dedupe it
      kit.recorder.guarded("user communication", () -> kit.ctx.activities().notifier().notify(new Notification(
          Severity.INFO, kit.service() + " " + kit.version() + " is live in " + env, message, kit.service(), env,
          kit.ctx.workflowId(), "user-communication:" + env, null, Map.of("audience", "users"))));
      done.append("users told; ");
    }
    String archive = kit.step("archive deployment log of " + env).archiveDeploymentLog(new DeploymentLog(
        kit.ctx.workflowId(), Workflow.getInfo().getRunId(), kit.service(), kit.version(), env,
        kit.request.requestedBy(), deployed.reason(), lines()));
    kit.ctx.status().stepState(step, StepState.SUCCEEDED, done + "log archived as " + archive);
  }

  private List<String> lines() {
    return kit.ctx.status().log().stream().map(LogEntry::message).toList();
  }
}
