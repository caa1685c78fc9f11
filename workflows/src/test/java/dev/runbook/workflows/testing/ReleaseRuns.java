package dev.runbook.workflows.testing;

import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.ReleaseRequest;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.release.ReleaseWorkflow;
import io.temporal.client.WorkflowClient;

/**
 * A release on the test server: dev and staging with platforms of their own and automatic gates
 * (seed 004: dev automatic, staging the full process unattended), production on the shared
 * {@link FakePlatform} with its manual gates unless a test says otherwise.
 */
public final class ReleaseRuns {
  public static final String VERSION = "v1.6.0";

  private final RunbookTestEnvironment rt;
  public final FakePlatform dev;
  public final FakePlatform staging;

  public ReleaseRuns(RunbookTestEnvironment rt) {
    this.rt = rt;
    this.dev = rt.platforms.split("dev");
    this.staging = rt.platforms.split("staging");
    rt.policies.use(renamed(Policies.autoGates(Policies.production()), "dev"));
    rt.policies.use(renamed(Policies.autoGates(Policies.production()), "staging"));
  }

  public static String id(String through) {
    return Procedure.RELEASE.workflowId(FakePlatform.SERVICE, through);
  }

  public String start(String through) {
    return start(new ReleaseRequest(FakePlatform.SERVICE, VERSION, through, null, null, null,
        RunbookTestEnvironment.REQUESTER, "ci-9"));
  }

  public String start(ReleaseRequest request) {
    String id = id(request.lastEnvironment());
    ReleaseWorkflow stub = rt.client.newWorkflowStub(ReleaseWorkflow.class, rt.options(id));
    WorkflowClient.start(stub::release, request);
    return id;
  }

  public static EnvironmentPolicy renamed(EnvironmentPolicy p, String environment) {
    return new EnvironmentPolicy(environment, p.service(), p.platform(), p.rules(), p.approval(), p.pollSeconds(),
        p.heartbeatTimeoutSeconds(), p.deployTimeoutSeconds(), p.rollout(), p.emergency(), p.incident());
  }
}
